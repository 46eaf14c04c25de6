import type { PanelMemberCounts } from '@swhc/contracts';
import { PANEL_ROLES, SERVICE_NAMES, type ServiceKind } from '@swhc/contracts';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { getPanelMemberCounts } from '../../../api';
import { requireStaff, valueOf } from '../../../app/page-data';
import { usePageTitle } from '../../../ui';
import { PanelNav } from './panel-nav';
import { CountTable } from './count-table';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await getPanelMemberCounts(request.signal), request);
}

const STATUS: Record<string, string> = {
  active: 'Active',
  paused: 'Paused',
  pending: 'Waiting for confirmation',
};
const roleLabel = (key: string) => PANEL_ROLES.find((r) => r.value === key)?.text ?? key;

/** /admin/panel — who is on the panel, as counts only: there is no list of members. */
export function MembersPage() {
  usePageTitle('Polling panel members');
  const counts: PanelMemberCounts = useLoaderData<typeof loader>();
  return (
    <div className="app-pollpanel">
      <PanelNav />
      <h1 className="app-heading-xl">Polling panel members</h1>
      <p className="app-body-l">
        {counts.total.toLocaleString('en-GB')} members have confirmed their email address.
      </p>
      <p className="app-body">
        Counts only: the panel keeps no page that lists members, and none that shows who answered
        what.
      </p>
      <div className="app-poll-counts">
        <CountTable
          caption="By status"
          heading="Status"
          rows={counts.byStatus.map((r) => ({ label: STATUS[r.key] ?? r.key, count: r.count }))}
        />
        <CountTable
          caption="By service"
          heading="Service"
          rows={counts.byService.map((r) => ({
            label: SERVICE_NAMES[r.key as ServiceKind] ?? r.key,
            count: r.count,
          }))}
        />
        <CountTable
          caption="By role"
          heading="Role"
          rows={counts.byRole.map((r) => ({ label: roleLabel(r.key), count: r.count }))}
        />
        <CountTable
          caption="By region"
          heading="Region"
          rows={counts.byRegion.map((r) => ({ label: r.key, count: r.count }))}
        />
      </div>
      <CountTable
        caption="By employer"
        heading="Employer"
        rows={counts.byOrganisation.map((r) => ({ label: r.name, count: r.count }))}
      />
    </div>
  );
}

export const route = { loader, Component: MembersPage };
