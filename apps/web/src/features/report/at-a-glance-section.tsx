import {
  CHANGE_LABELS,
  VERDICT_LABELS,
  type LaReport,
  type ServedScaleResult,
  type StatementHighlight,
} from '@swhc/contracts';
import { scoresChart } from '@swhc/report-view';
import { ChartFigure } from './chart-figure';
import { percent, range, signed, wholeScore } from './format';
import { ReportSection } from './report-section';
import { TableScroll } from './table-scroll';
import { VerdictTag } from './verdict-tag';
import { TableHead } from '../../ui';

/** The chart's table alternative: each scale's score, England, the region and the change. */
function ScoresTable({ report }: { report: LaReport }) {
  const previous = report.scales.find((s) => !s.suppressed && s.change.status === 'shown');
  const since =
    previous && !previous.suppressed && previous.change.previousWave
      ? previous.change.previousWave.name
      : 'the last wave';
  const against = (c: ServedScaleResult['national']) =>
    'suppressed' in c ? (
      <span className="app-suppressed">{c.message}</span>
    ) : (
      <>
        {wholeScore(c.score)} <VerdictTag verdict={c.verdict} labels={VERDICT_LABELS} />
      </>
    );
  return (
    <TableScroll label="Scores by scale">
      <table className="app-table">
        <caption className="app-table__caption">
          Scores by scale (out of 100, higher is better)
        </caption>
        <TableHead
          columns={[
            'Scale',
            { text: 'Score', numeric: true },
            '95% interval',
            'England',
            report.organisation.region,
            `Change since ${since}`,
          ]}
        />
        <tbody>
          {report.scales.map((s) =>
            s.suppressed ? (
              <tr key={s.key}>
                <th scope="row">{s.title}</th>
                <td colSpan={5} className="app-suppressed">
                  {s.message}
                </td>
              </tr>
            ) : (
              <tr key={s.key}>
                <th scope="row">{s.title}</th>
                <td className="app-table__numeric">{wholeScore(s.score)}</td>
                <td>{range(s.scoreCi, 0)}</td>
                <td>{against(s.national)}</td>
                <td>{against(s.regional)}</td>
                <td>
                  {s.change.status === 'shown' ? (
                    <>
                      {signed(s.change.difference)}{' '}
                      <VerdictTag verdict={s.change.verdict} labels={CHANGE_LABELS} />
                    </>
                  ) : (
                    <span className="app-suppressed">
                      {s.change.status === 'no-previous-wave' ? 'No earlier wave' : 'Not shown'}
                    </span>
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Highlights({
  title,
  list,
  none,
}: {
  title: string;
  list: readonly StatementHighlight[];
  none: string;
}) {
  return (
    <div className="app-glance__column">
      <h3 className="app-heading-s">{title}</h3>
      {list.length === 0 ? (
        <p className="app-body">{none}</p>
      ) : (
        <ul className="app-list app-list--spaced app-list--bullet">
          {list.map((h) => (
            <li key={h.item}>
              {h.text}{' '}
              <strong>
                {percent(h.favourablePercent)} favourable, England{' '}
                {percent(h.englandFavourablePercent)}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The answer at a glance: the first screen a director sees. */
export function AtAGlanceSection({ report, fileStem }: { report: LaReport; fileStem: string }) {
  const wide = scoresChart(report, 'wide');
  const narrow = scoresChart(report, 'narrow');
  const served = report.scales.filter((s): s is ServedScaleResult => !s.suppressed);
  const { summary, drivers } = report;
  const name = report.organisation.name;
  const previous = served.find((s) => s.change.status === 'shown')?.change.previousWave?.name;
  return (
    <ReportSection id="at-a-glance" title="At a glance">
      <p className="app-body">{report.responses.sentence}</p>
      {wide ? (
        <ChartFigure
          chart={wide}
          narrow={narrow}
          caption={`${name}’s scores with their 95% intervals, against England${
            previous
              ? `, ${report.organisation.region} and ${previous}`
              : ` and ${report.organisation.region}`
          }.`}
          table={<ScoresTable report={report} />}
          tableLabel="Show the scores as a table"
          fileStem={fileStem}
        />
      ) : null}
      <h3 className="app-heading-s">In a sentence</h3>
      <ul className="app-list app-list--spaced app-list--bullet">
        {served.map((s) => (
          <li key={s.key}>{s.sentence}</li>
        ))}
      </ul>
      {summary ? (
        <div className="app-glance__columns">
          <Highlights
            title="Most clearly above England"
            list={summary.strengths}
            none="No statement is clearly above England."
          />
          <Highlights
            title="Most clearly below England"
            list={summary.concerns}
            none="No statement is clearly below England."
          />
        </div>
      ) : null}
      {drivers?.available ? (
        <>
          <h3 className="app-heading-s">What goes with staying</h3>
          <p className="app-body">{drivers.sentence}</p>
        </>
      ) : null}
      <p className="app-body app-secondary-text">
        To protect people’s anonymity, nothing is shown for a group of fewer than{' '}
        {report.minimumGroupSize} people.
      </p>
    </ReportSection>
  );
}
