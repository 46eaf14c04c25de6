import {
  CHANGE_LABELS,
  VERDICT_AGAINST_ENGLAND,
  VERDICT_LABELS,
  type LaReport,
  type ScaleChange,
  type ScaleComparison,
  type ServedScaleResult,
  type SuppressedCell,
} from '@swhc/contracts';
import { num, range, wholeScore } from './format';
import { ReportSection } from './report-section';
import { VerdictTag } from './verdict-tag';

function Comparison({
  cell,
  against,
}: {
  cell: ScaleComparison | SuppressedCell;
  against: string;
}) {
  if ('suppressed' in cell) {
    return (
      <li>
        {against}: <span className="app-suppressed">{cell.message}</span>
      </li>
    );
  }
  return (
    <li>
      {against}: {wholeScore(cell.score)}. Difference {num(cell.difference)} points (95% interval{' '}
      {range(cell.differenceCi)}). <VerdictTag verdict={cell.verdict} labels={VERDICT_LABELS} />
    </li>
  );
}

function Change({ change }: { change: ScaleChange }) {
  if (change.status !== 'shown') {
    return (
      <li>
        Change since {change.previousWave?.name ?? 'the last wave'}:{' '}
        <span className="app-suppressed">{change.message}</span>
      </li>
    );
  }
  return (
    <li>
      {change.previousWave.name}: {wholeScore(change.previousScore)}. Change{' '}
      {num(change.difference)} points (95% interval {range(change.differenceCi)}).{' '}
      <VerdictTag verdict={change.verdict} labels={CHANGE_LABELS} />
    </li>
  );
}

function ScaleCard({ scale, region }: { scale: ServedScaleResult; region: string }) {
  const verdict = 'suppressed' in scale.national ? null : scale.national.verdict;
  return (
    <div className="app-scale">
      <h3 className="app-heading-s">{scale.title}</h3>
      <p className="app-scale__score">
        <span className="app-scale__number">{wholeScore(scale.score)}</span>
        <span className="app-scale__out-of"> out of 100</span>{' '}
        {verdict ? <VerdictTag verdict={verdict} labels={VERDICT_AGAINST_ENGLAND} /> : null}
      </p>
      <p className="app-body">{scale.sentence}</p>
      <p className="app-body app-secondary-text">This scale is about {scale.about}.</p>
      <ul className="app-list app-scale__details">
        <li>
          95% interval: {range(scale.scoreCi)} ({scale.n.toLocaleString('en-GB')} responses)
        </li>
        <Comparison cell={scale.national} against="England" />
        <Comparison cell={scale.regional} against={region} />
        <Change change={scale.change} />
      </ul>
    </div>
  );
}

/** Each scale in detail: the headline verdict, the sentence and the numbers behind them. */
export function ScoresSection({ report }: { report: LaReport }) {
  return (
    <ReportSection id="scores" title="Scores">
      <p className="app-body">
        Each scale combines six statements into a score from 0 to 100; higher is always better. A
        result is called better or worse only when the difference is clear, that is, unlikely to be
        chance.
      </p>
      {report.scales.map((scale) =>
        scale.suppressed ? (
          <div className="app-scale" key={scale.key}>
            <h3 className="app-heading-s">{scale.title}</h3>
            <p className="app-body app-suppressed">{scale.message}</p>
          </div>
        ) : (
          <ScaleCard key={scale.key} scale={scale} region={report.organisation.region} />
        ),
      )}
    </ReportSection>
  );
}
