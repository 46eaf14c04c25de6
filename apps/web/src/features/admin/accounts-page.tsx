import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { listStaffAccounts } from '../../api';
import { requireStaff, valueOf } from '../../app/page-data';
import { ROLE_LABELS } from '../../app/staff-session';
import { usePageTitle } from '../../ui';
import { AdminNav } from './admin-nav';
import { StatusTag } from './status-tag';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await listStaffAccounts(request.signal), request);
}

export function AccountsPage() {
  usePageTitle('Staff accounts');
  const accounts = useLoaderData<typeof loader>();
  return (
    <>
      <AdminNav />
      <h1 className="app-heading-xl">Staff accounts</h1>
      <Link to="/admin/accounts/new" className="app-button" role="button" draggable={false}>
        Create a staff account
      </Link>
      <div className="app-table-wrapper" tabIndex={0} role="region" aria-label="Staff accounts">
        <table className="app-table">
          <caption className="app-visually-hidden">{accounts.length} staff accounts</caption>
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
            {accounts.map((account) => (
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
    </>
  );
}

export const route = { loader, Component: AccountsPage };
