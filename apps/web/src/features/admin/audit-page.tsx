import type { AuditEventView } from '@swhc/contracts';
import { type LoaderFunctionArgs, useLoaderData, useRevalidator } from 'react-router';
import { listAuditEvents } from '../../api';
import { requireStaff, valueOf } from '../../app/page-data';
import { usePageTitle, TableRegion } from '../../ui';
import { AdminNav } from './admin-nav';

const SHOWN = 200;

const ACTION_LABELS: Record<string, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-out': 'Signed out',
  'permission-denied': 'Request refused',
  'report-viewed': 'Report viewed',
  'report-exported': 'Report downloaded',
  'account-created': 'Account created',
  'account-disabled': 'Account disabled',
  'account-enabled': 'Account enabled',
  'account-organisations-changed': 'LAs changed',
  'account-password-set': 'Password set',
  'setting-changed': 'Setting changed',
  'headcount-changed': 'Headcount changed',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/London',
  });

const describeDetail = (detail: AuditEventView['detail']) =>
  detail
    ? Object.entries(detail)
        // The database keeps JSON keys in its own order; sort them so "from" reads before "to".
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(', ')
    : '';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await listAuditEvents(SHOWN, request.signal), request);
}

export function AuditPage() {
  usePageTitle('Audit log');
  const events = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <>
      <AdminNav />
      <h1 className="app-heading-xl">Audit log</h1>
      <p className="app-body">
        The {SHOWN} most recent events, newest first. Times are UK time. Passwords and survey
        answers are never recorded.
      </p>
      <button
        type="button"
        className="app-button app-button--secondary"
        onClick={() => void revalidator.revalidate()}
      >
        Refresh
      </button>
      <TableRegion
        label="Audit events"
        caption="Recent audit events"
        className="app-table__small"
        columns={['When', 'What', 'Who', 'On', 'Details']}
      >
        {events.map((event) => (
          <tr key={event.id}>
            <td>{when(event.occurredAt)}</td>
            <td>{ACTION_LABELS[event.action] ?? event.action}</td>
            <td>
              {event.actorEmail ?? '—'}
              {event.actorRole ? (
                <span className="app-secondary-text"> ({event.actorRole})</span>
              ) : null}
            </td>
            <td>{event.target ?? '—'}</td>
            <td>{describeDetail(event.detail)}</td>
          </tr>
        ))}
      </TableRegion>
    </>
  );
}

export const route = { loader, Component: AuditPage };
