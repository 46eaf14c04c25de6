import type {
  LaReport,
  ScaleChange,
  ScaleComparison,
  ScaleResult,
  SuppressedCell,
} from '@swhc/contracts';
import { between, changeSentence, differenceSentence, direction, num, wholeScore } from './format';
import { ReportSection } from './report-section';
import { TableScroll } from './table-scroll';

type ServedScale = Extract<ScaleResult, { suppressed: false }>;

function Comparison({
  cell,
  against,
  higherIsBetter,
}: {
  cell: ScaleComparison | SuppressedCell;
  against: string;
  higherIsBetter: boolean;
}) {
  if ('suppressed' in cell) {
    return (
      <p className="app-body">
        Compared with {against}: <span className="app-suppressed">{cell.message}.</span>
      </p>
    );
  }
  const way = direction(cell.difference, cell.significant, higherIsBetter);
  return (
    <p className="app-body">
      <strong className={`app-tag app-tag--${way}`}>
        {way === 'similar' ? 'Similar' : way === 'better' ? 'Better' : 'Worse'}
      </strong>{' '}
      {differenceSentence(cell.difference, cell.differenceCi, cell.significant, against)}{' '}
      <span className="app-secondary-text">
        ({cell.label}: {wholeScore(cell.score)} from {cell.n.toLocaleString('en-GB')} responses.)
      </span>
    </p>
  );
}

function Change({ change, higherIsBetter }: { change: ScaleChange; higherIsBetter: boolean }) {
  if (change.status !== 'shown') {
    return (
      <p className="app-body">
        Change since {change.previousWave?.name ?? 'the last wave'}:{' '}
        <span className="app-suppressed">{change.message}</span>
      </p>
    );
  }
  const way = direction(change.difference, change.significant, higherIsBetter);
  return (
    <p className="app-body">
      <strong className={`app-tag app-tag--${way}`}>
        {way === 'similar' ? 'No clear change' : way === 'better' ? 'Improved' : 'Got worse'}
      </strong>{' '}
      {changeSentence(
        change.difference,
        change.differenceCi,
        change.significant,
        change.hedgesG,
        change.previousWave.name,
      )}{' '}
      <span className="app-secondary-text">
        ({change.previousWave.name}: {wholeScore(change.previousScore)} from {change.previousN}{' '}
        responses.)
      </span>
    </p>
  );
}

function ScaleCard({ scale, region }: { scale: ServedScale; region: string }) {
  return (
    <div className="app-scale">
      <h3 className="app-heading-s">{scale.title}</h3>
      <p className="app-scale__score">
        <span className="app-scale__number">{wholeScore(scale.score)}</span>
        <span className="app-scale__out-of"> out of 100</span>
      </p>
      <p className="app-body">
        The true score is likely between {between(scale.scoreCi)} (95% confidence interval).
        {scale.higherIsBetter
          ? ' Higher is better.'
          : ' A higher score means heavier demands, so lower is better.'}
      </p>
      <Comparison cell={scale.national} against="England" higherIsBetter={scale.higherIsBetter} />
      <Comparison
        cell={scale.regional}
        against={`other local authorities in ${region}`}
        higherIsBetter={scale.higherIsBetter}
      />
      <Change change={scale.change} higherIsBetter={scale.higherIsBetter} />
    </div>
  );
}

export function ScoresSection({ report }: { report: LaReport }) {
  return (
    <ReportSection id="scores" title="Scores">
      <p className="app-body">
        Each scale combines six statements into a score from 0 to 100. A 95% confidence interval
        shows how far the score could move by chance, given how many people responded.
      </p>
      <TableScroll label="Scores by scale">
        <table className="app-table">
          <caption className="app-table__caption">Scores by scale</caption>
          <thead>
            <tr>
              <th scope="col">Scale</th>
              <th scope="col" className="app-table__numeric">
                Score (0 to 100)
              </th>
              <th scope="col" className="app-table__numeric">
                95% confidence interval
              </th>
              <th scope="col" className="app-table__numeric">
                Average answer (1 to 5)
              </th>
              <th scope="col" className="app-table__numeric">
                Responses
              </th>
            </tr>
          </thead>
          <tbody>
            {report.scales.map((scale) =>
              scale.suppressed ? (
                <tr key={scale.key}>
                  <th scope="row">{scale.title}</th>
                  <td colSpan={4} className="app-suppressed">
                    {scale.message}
                  </td>
                </tr>
              ) : (
                <tr key={scale.key}>
                  <th scope="row">{scale.title}</th>
                  <td className="app-table__numeric">{wholeScore(scale.score)}</td>
                  <td className="app-table__numeric">
                    {between(scale.scoreCi).replace(' and ', ' to ')}
                  </td>
                  <td className="app-table__numeric">{num(scale.mean, 2)}</td>
                  <td className="app-table__numeric">{scale.n}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </TableScroll>
      {report.scales.map((scale) =>
        scale.suppressed ? null : (
          <ScaleCard key={scale.key} scale={scale} region={report.organisation.region} />
        ),
      )}
    </ReportSection>
  );
}
