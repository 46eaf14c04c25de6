import { isUuid } from '@swhc/contracts';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { getPoll, getPollResults } from '../../../api';
import { notFound, requireStaff, valueOf } from '../../../app/page-data';
import { pathParam } from '../../../app/route-params';
import { usePageTitle } from '../../../ui';
import { londonWhen } from './format';
import { PanelNav } from './panel-nav';
import { PollResultsView } from './poll-results-view';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, ['researcher', 'admin']);
  const id = pathParam(params, 'id', isUuid);
  if (id === null) throw notFound();
  const [poll, results] = await Promise.all([
    getPoll(id, request.signal),
    getPollResults(id, request.signal),
  ]);
  return { poll: valueOf(poll, request), results: valueOf(results, request) };
}

/** /research/panel/polls/:id — one poll's results (never who answered what). */
export function PollResultsPage() {
  const { poll, results } = useLoaderData<typeof loader>();
  usePageTitle(`Results: ${poll.title}`);
  return (
    <div className="app-pollpanel">
      <PanelNav />
      <span className="app-caption-l">Poll results</span>
      <h1 className="app-heading-xl">{poll.title}</h1>
      <p className="app-body">
        Open from {londonWhen(poll.opensAt)} to {londonWhen(poll.closesAt)}.
      </p>
      <PollResultsView results={results} />
    </div>
  );
}

export const route = { loader, Component: PollResultsPage };
