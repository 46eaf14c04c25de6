import { Link, type LoaderFunctionArgs } from 'react-router';
import { requireStaff } from '../../app/page-data';
import { usePageTitle } from '../../ui';
import { AdminNav } from './admin-nav';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return null;
}

export function AdminHomePage() {
  usePageTitle('Administration');
  return (
    <>
      <AdminNav />
      <h1 className="app-heading-xl">Administration</h1>
      <ul className="app-list">
        <li>
          <Link to="/admin/waves">Waves</Link>: create a wave of the health check, schedule it,
          enrol local authorities, replace a link that leaked, and close it.
        </li>
        <li>
          <Link to="/admin/instruments">Questionnaires</Link>: the published versions of the
          questionnaire, and publishing a new one from a file.
        </li>
        <li>
          <Link to="/admin/accounts">Staff accounts</Link>: create accounts for principal social
          workers, researchers and administrators, choose which local authorities a principal social
          worker sees, and disable accounts.
        </li>
        <li>
          <Link to="/admin/settings">Minimum group size</Link>: the smallest number of respondents
          for which any result is shown.
        </li>
        <li>
          <Link to="/admin/workforce-margins">Workforce margins</Link>: the workforce by role and
          region (e.g. the national workforce census) that the{' '}
          <Link to="/research/national">national picture</Link> is weighted to.
        </li>
        <li>
          <Link to="/admin/audit">Audit log</Link>: recent sign-ins, failed sign-ins, sign-outs,
          refused requests and changes made by administrators.
        </li>
        <li>
          <Link to="/admin/panel">Polling panel</Link>: member counts, polls (create one, follow its
          emails, read its results) and the margins trends are weighted to.
        </li>
      </ul>
    </>
  );
}

export const route = { loader, Component: AdminHomePage };
