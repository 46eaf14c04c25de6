import type { StaffAccountSummary } from '@swhc/contracts';
import { Link, useLocation } from 'react-router';
import { listStaffAccounts } from '../../api/staff-api';
import { SuccessBanner, usePageTitle } from '../../ui';
import { ROLE_LABELS } from '../sign-in';
import { AdminNav } from './admin-nav';
import { useAdminData } from './use-admin-data';

export function StatusTag({ account }: { account: StaffAccountSummary }) {
  return account.disabledAt ? (
    <strong className="app-tag app-tag--grey">Disabled</strong>
  ) : (
    <strong className="app-tag app-tag--green">Active</strong>
  );
}

export function AccountsPage() {
  usePageTitle('Staff accounts');
  const [accounts] = useAdminData(listStaffAccounts);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <>
      <AdminNav />
      {notice ? (
        <SuccessBanner>
          <p className="app-body">{notice}</p>
        </SuccessBanner>
      ) : null}
      <h1 className="app-heading-xl">Staff accounts</h1>
      <Link to="/admin/accounts/new" className="app-button" role="button" draggable={false}>
        Create a staff account
      </Link>
      {accounts.status === 'loading' ? <p className="app-body">Loading…</p> : null}
      {accounts.status === 'failed' ? <p className="app-body">{accounts.message}</p> : null}
      {accounts.status === 'ok' ? (
        <div className="app-table-wrapper" tabIndex={0} role="region" aria-label="Staff accounts">
          <table className="app-table">
            <caption className="app-visually-hidden">
              {accounts.value.length} staff accounts
            </caption>
            <thead>
              <tr>
                <th scope="col">Email address</th>
                <th scope="col">Role</th>
                <th scope="col">Local authorities</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="app-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.value.map((account) => (
                <tr key={account.id}>
                  <td>{account.email}</td>
                  <td>{ROLE_LABELS[account.role]}</td>
                  <td>
                    {account.organisations.length > 0
                      ? account.organisations.map((o) => o.name).join(', ')
                      : '—'}
                  </td>
                  <td>
                    <StatusTag account={account} />
                  </td>
                  <td>
                    <Link to={`/admin/accounts/${account.id}`}>
                      Manage<span className="app-visually-hidden"> {account.email}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
