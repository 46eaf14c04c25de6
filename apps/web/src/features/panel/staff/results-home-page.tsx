import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { listPolls, listRepeatedQuestions } from '../../../api';
import { requireStaff, valueOf } from '../../../app/page-data';
import { TableRegion, usePageTitle } from '../../../ui';
import { londonWhen, STATUS_LABELS } from './format';
import { PanelNav } from './panel-nav';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['researcher', 'admin']);
  const [polls, repeated] = await Promise.all([
    listPolls(request.signal),
    listRepeatedQuestions(request.signal),
  ]);
  return { polls: valueOf(polls, request), repeated: valueOf(repeated, request) };
}

/** /research/panel — every poll's results, and the trends of questions asked more than once. */
export function ResultsHomePage() {
  usePageTitle('Polling panel results');
  const { polls, repeated } = useLoaderData<typeof loader>();
  return (
    <div className="app-pollpanel">
      <PanelNav />
      <h1 className="app-heading-xl">Polling panel results</h1>
      <h2 className="app-heading-l">Trends</h2>
      {repeated.length === 0 ? (
        <p className="app-body">No question has been asked in more than one poll yet.</p>
      ) : (
        <ul className="app-list">
          {repeated.map(({ question, polls: count }) => (
            <li key={question.id}>
              <Link to={`/research/panel/trends/${question.id}`}>{question.title}</Link>{' '}
              <span className="app-secondary-text">(asked in {count} polls)</span>
            </li>
          ))}
        </ul>
      )}
      <h2 className="app-heading-l">Polls</h2>
      <TableRegion
        label="Polls"
        caption={`${polls.length} polls, newest first`}
        columns={['Poll', 'Status', 'Closes', { text: 'Answered', numeric: true }]}
      >
        {polls.map((poll) => (
          <tr key={poll.id}>
            <td>
              <Link to={`/research/panel/polls/${poll.id}`}>{poll.title}</Link>
            </td>
            <td>{STATUS_LABELS[poll.status]}</td>
            <td>{londonWhen(poll.closesAt)}</td>
            <td className="app-table__numeric">{poll.responses.toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </TableRegion>
    </div>
  );
}

export const route = { loader, Component: ResultsHomePage };
