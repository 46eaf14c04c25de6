import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { listPolls } from '../../../api';
import { requireStaff, valueOf } from '../../../app/page-data';
import { takeNotice } from '../../../app/notice';
import { NoticeBanner, TableRegion, usePageTitle } from '../../../ui';
import { londonWhen, STATUS_LABELS } from './format';
import { PanelNav } from './panel-nav';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return { polls: valueOf(await listPolls(request.signal), request), notice: takeNotice(request) };
}

/** /admin/panel/polls — every poll, newest first. */
export function PollsPage() {
  usePageTitle('Polls');
  const { polls, notice } = useLoaderData<typeof loader>();
  return (
    <div className="app-pollpanel">
      <PanelNav />
      <NoticeBanner notice={notice} />
      <h1 className="app-heading-xl">Polls</h1>
      <Link to="/admin/panel/polls/new" className="app-button" role="button" draggable={false}>
        Create a poll
      </Link>
      <TableRegion
        label="Polls"
        caption={`${polls.length} polls, newest first`}
        columns={[
          'Poll',
          'Status',
          'Opens',
          'Closes',
          { text: 'Invited', numeric: true },
          { text: 'Answered', numeric: true },
        ]}
      >
        {polls.map((poll) => (
          <tr key={poll.id}>
            <td>
              <Link to={`/admin/panel/polls/${poll.id}`}>{poll.title}</Link>
            </td>
            <td>
              <strong className={`app-tag app-tag--${poll.status === 'open' ? 'green' : 'grey'}`}>
                {STATUS_LABELS[poll.status]}
              </strong>
            </td>
            <td>{londonWhen(poll.opensAt)}</td>
            <td>{londonWhen(poll.closesAt)}</td>
            <td className="app-table__numeric">{poll.invited.toLocaleString('en-GB')}</td>
            <td className="app-table__numeric">{poll.responses.toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </TableRegion>
    </div>
  );
}

export const route = { loader, Component: PollsPage };
