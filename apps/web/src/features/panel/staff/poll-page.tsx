import {
  PANEL_ROLES,
  SERVICE_NAMES,
  isUuid,
  type PollAudience,
  type PollQuestion,
} from '@swhc/contracts';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { getPoll, getPollResults, getPollSending } from '../../../api';
import { requireStaff, notFound, valueOf } from '../../../app/page-data';
import { takeNotice } from '../../../app/notice';
import { pathParam } from '../../../app/route-params';
import { usePageTitle, TableRegion, NoticeBanner } from '../../../ui';
import { londonWhen, STATUS_LABELS } from './format';
import { PanelNav } from './panel-nav';
import { PollResultsView } from './poll-results-view';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  const id = pathParam(params, 'id', isUuid);
  if (id === null) throw notFound();
  const [poll, sending, results] = await Promise.all([
    getPoll(id, request.signal),
    getPollSending(id, request.signal),
    getPollResults(id, request.signal),
  ]);
  return {
    poll: valueOf(poll, request),
    sending: valueOf(sending, request),
    results: valueOf(results, request),
    notice: takeNotice(request),
  };
}

export function audienceText(audience: PollAudience): string {
  const parts = [
    audience.services?.map((s) => SERVICE_NAMES[s]).join(' or '),
    audience.roles?.map((r) => PANEL_ROLES.find((x) => x.value === r)?.text ?? r).join(' or '),
    audience.regions?.join(' or '),
  ].filter((p): p is string => Boolean(p));
  return parts.length === 0 ? 'All active members' : `Active members: ${parts.join('; ')}`;
}

export function questionSummary(question: PollQuestion): string {
  if (question.type === 'rating') {
    return `Rating ${question.rateMin ?? 1} to ${question.rateMax ?? 5}; “${question.twoWay.label}”: ${question.twoWay.values.join(', ')}`;
  }
  return `${(question.choices ?? []).map((c) => c.text).join(' / ')}; “${question.twoWay.label}”: ${question.twoWay.values.join(', ')}`;
}

/** /admin/panel/polls/:id — a poll, how far its emails have got, and its results. */
export function PollPage() {
  const { poll, sending, results, notice } = useLoaderData<typeof loader>();
  usePageTitle(poll.title);
  const rows = [
    ['Invitations', sending.invitations],
    ['Reminder', sending.reminders],
  ] as const;
  return (
    <div className="app-pollpanel">
      <PanelNav />
      <NoticeBanner notice={notice} />
      <span className="app-caption-l">Poll</span>
      <h1 className="app-heading-xl">{poll.title}</h1>
      <dl className="app-summary-list">
        {[
          ['Status', STATUS_LABELS[poll.status]],
          ['Opens', londonWhen(poll.opensAt)],
          ['Reminder', londonWhen(poll.remindAt)],
          ['Closes', londonWhen(poll.closesAt)],
          ['Who is asked', audienceText(poll.audience)],
        ].map(([key, value]) => (
          <div className="app-summary-list__row" key={key}>
            <dt className="app-summary-list__key">{key}</dt>
            <dd className="app-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="app-heading-l">Questions</h2>
      <ol className="app-list app-list--number">
        {poll.questions.map((q) => (
          <li key={q.id}>
            {q.title}
            <br />
            <span className="app-secondary-text">{questionSummary(q)}</span>
          </li>
        ))}
      </ol>
      <h2 className="app-heading-l">Sending</h2>
      <TableRegion
        label="Emails sent"
        caption="Emails of this poll by state"
        columns={[
          'Emails',
          { text: 'Queued', numeric: true },
          { text: 'Sent', numeric: true },
          { text: 'Failed', numeric: true },
          { text: 'Bounced', numeric: true },
        ]}
      >
        {rows.map(([label, p]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="app-table__numeric">{p.queued.toLocaleString('en-GB')}</td>
            <td className="app-table__numeric">{p.sent.toLocaleString('en-GB')}</td>
            <td className="app-table__numeric">{p.failed.toLocaleString('en-GB')}</td>
            <td className="app-table__numeric">{p.bounced.toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </TableRegion>
      <h2 className="app-heading-l">Results</h2>
      <PollResultsView results={results} />
    </div>
  );
}

export const route = { loader, Component: PollPage };
