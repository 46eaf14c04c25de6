import { isGssCode } from '@swhc/contracts';
import { NotFoundError } from '../common/errors';
import type { SignedInStaff } from '../common/signed-in-staff';
import type { Organisation } from './organisation.entity';

/** The same answer for an LA that does not exist and one the caller may not see. */
export function noSuchOrganisation(): NotFoundError {
  return new NotFoundError('There is no such local authority, or it is not yours');
}

/**
 * The one rule for LA-scoped pages: an administrator sees every LA, a PSW only the LAs bound to
 * their account; anyone else, and any LA that does not exist, gets the same 404, so answers never
 * reveal which LAs exist or are enrolled.
 */
export async function organisationVisibleTo(
  staff: SignedInStaff,
  gssCode: string,
  find: (gssCode: string) => Promise<Organisation | null>,
  notFound: () => NotFoundError = noSuchOrganisation,
): Promise<Organisation> {
  if (!isGssCode(gssCode)) throw notFound();
  const code = gssCode.toUpperCase();
  const allowed =
    staff.role === 'admin' ||
    (staff.role === 'psw' && staff.gssCodes.some((c) => c.toUpperCase() === code));
  if (!allowed) throw notFound();
  const organisation = await find(code);
  if (!organisation) throw notFound();
  return organisation;
}
