import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { listStaffAccounts } from '../../api';
import { requireStaff, valueOf } from '../../app/page-data';
import { ROLE_LABELS } from '../../app/staff-session';
import { TableRegion, usePageTitle } from '../../ui';
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
      <TableRegion
        label="Staff accounts"
        caption={`${accounts.length} staff accounts`}
        columns={[
          'Email address',
          'Role',
          'Local authorities',
          'Status',
          { text: 'Actions', visuallyHidden: true },
        ]}
      >
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
      </TableRegion>
    </>
  );
}

export const route = { loader, Component: AccountsPage };
