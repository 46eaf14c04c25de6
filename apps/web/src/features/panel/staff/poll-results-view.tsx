import type {
  PanelBreakdown,
  PollDistribution,
  PollQuestionResult,
  PollResults,
} from '@swhc/contracts';
import { TableRegion } from '../../../ui';
import { percent } from './format';

const BREAKDOWN_TITLES: Record<PanelBreakdown, string> = {
  service: 'By service',
  role: 'By role',
  region: 'By region',
};

function collapseNote(
  result: PollQuestionResult,
  distribution: PollDistribution,
  k: number,
): string | null {
  if (distribution.suppressed || distribution.collapse === 'none') return null;
  if (distribution.collapse === 'two-way') {
    return `Shown as “${result.question.twoWay.label}” against “${result.question.twoWay.restLabel}”, so that no group of fewer than ${k} people can be worked out.`;
  }
  return `Answers are grouped so that no group of fewer than ${k} people can be worked out.`;
}

/** One distribution as a table with a bar per answer (the table is the chart's text alternative). */
function DistributionTable({
  result,
  distribution,
  caption,
  k,
}: {
  result: PollQuestionResult;
  distribution: PollDistribution;
  caption: string;
  k: number;
}) {
  if (distribution.suppressed)
    return <p className="app-body app-secondary-text">{distribution.message}</p>;
  const note = collapseNote(result, distribution, k);
  return (
    <>
      {note ? <p className="app-body app-secondary-text">{note}</p> : null}
      <TableRegion
        label={caption}
        caption={caption}
        className="app-poll-table"
        columns={[
          'Answer',
          { text: 'People', numeric: true },
          { text: 'Share', numeric: true },
          { text: '', decorative: true, className: 'app-poll-table__bar-cell' },
        ]}
      >
        {distribution.categories.map((c) => (
          <tr key={c.key}>
            <th scope="row">{c.label}</th>
            <td className="app-table__numeric">{c.count.toLocaleString('en-GB')}</td>
            <td className="app-table__numeric">{percent(c.percentage)}</td>
            <td aria-hidden="true" className="app-poll-table__bar-cell">
              <span className="app-poll-bar" style={{ width: `${c.percentage}%` }} />
            </td>
          </tr>
        ))}
      </TableRegion>
    </>
  );
}

/** A breakdown: one row per group, one column per answer (all groups are in the same form). */
function BreakdownTable({
  result,
  breakdown,
  k,
}: {
  result: PollQuestionResult;
  breakdown: PollQuestionResult['breakdowns'][number];
  k: number;
}) {
  const shown = breakdown.groups.flatMap((g) =>
    g.distribution.suppressed ? [] : [g.distribution],
  );
  const columns = shown[0]?.categories.map((c) => ({ key: c.key, label: c.label })) ?? [];
  const caption = `${result.question.title} – ${BREAKDOWN_TITLES[breakdown.by].toLowerCase()}`;
  const note = shown[0] ? collapseNote(result, shown[0], k) : null;
  return (
    <>
      <h4 className="app-heading-s">{BREAKDOWN_TITLES[breakdown.by]}</h4>
      {note ? <p className="app-body app-secondary-text">{note}</p> : null}
      <TableRegion
        label={caption}
        caption={caption}
        columns={[
          'Group',
          { text: 'People', numeric: true },
          ...columns.map((c) => ({ text: c.label, numeric: true })),
        ]}
      >
        {breakdown.groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">{g.label}</th>
            {g.distribution.suppressed ? (
              <td colSpan={columns.length + 1} className="app-secondary-text">
                {g.distribution.message}
              </td>
            ) : (
              <>
                <td className="app-table__numeric">{g.distribution.n.toLocaleString('en-GB')}</td>
                {columns.map((c) => {
                  const cell = g.distribution.suppressed
                    ? undefined
                    : g.distribution.categories.find((x) => x.key === c.key);
                  return (
                    <td className="app-table__numeric" key={c.key}>
                      {cell ? percent(cell.percentage) : '–'}
                    </td>
                  );
                })}
              </>
            )}
          </tr>
        ))}
      </TableRegion>
    </>
  );
}

/** A poll's results as staff may see them: counts while open, protected distributions when closed. */
export function PollResultsView({ results }: { results: PollResults }) {
  return (
    <>
      <dl className="app-summary-list">
        <div className="app-summary-list__row">
          <dt className="app-summary-list__key">Invited</dt>
          <dd className="app-summary-list__value">{results.invited.toLocaleString('en-GB')}</dd>
        </div>
        <div className="app-summary-list__row">
          <dt className="app-summary-list__key">Answered</dt>
          <dd className="app-summary-list__value">
            {results.responses === null ? '–' : results.responses.toLocaleString('en-GB')}
            {results.responseRate === null
              ? ''
              : ` (${percent(results.responseRate)} of those invited)`}
          </dd>
        </div>
      </dl>
      {results.message ? <p className="app-body">{results.message}</p> : null}
      {results.status === 'closed'
        ? results.questions.map((result) => (
            <section key={result.question.id} aria-labelledby={`q-${result.question.id}`}>
              <h3 className="app-heading-m" id={`q-${result.question.id}`}>
                {result.question.title}
              </h3>
              <DistributionTable
                result={result}
                distribution={result.overall}
                caption={`${result.question.title} – everyone`}
                k={results.minimumGroupSize}
              />
              {result.overall.suppressed
                ? null
                : result.breakdowns.map((b) => (
                    <BreakdownTable
                      key={b.by}
                      result={result}
                      breakdown={b}
                      k={results.minimumGroupSize}
                    />
                  ))}
            </section>
          ))
        : null}
    </>
  );
}
