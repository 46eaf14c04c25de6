import type { StaffAccountSummary } from '@swhc/contracts';

export function StatusTag({ account }: { account: StaffAccountSummary }) {
  return account.disabledAt ? (
    <strong className="app-tag app-tag--grey">Disabled</strong>
  ) : (
    <strong className="app-tag app-tag--green">Active</strong>
  );
}
