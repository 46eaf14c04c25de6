/** Who a staff account is: an administrator, an LA's principal social worker, or a researcher. */
export type StaffRole = 'admin' | 'psw' | 'researcher';
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'psw', 'researcher'];
