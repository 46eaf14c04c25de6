import {
  CHANGE_LABELS,
  VERDICT_LABELS,
  type ItemDistribution,
  type LaReport,
  type StatementComparison,
  type SuppressedCell,
} from '@swhc/contracts';
import { statementSegments, statementsChart } from '@swhc/report-view';
import { ChartDownloads } from './chart-figure';
import { percent, signed } from './format';
import { ReportSection } from './report-section';
import { VerdictTag } from './verdict-tag';

type ServedItem = Extract<ItemDistribution, { suppressed: false }>;

const SEGMENT_WORDS = ['favourable', 'neither', 'not favourable'] as const;

/** The bar: favourable (green) first, whatever the statement's wording; labels inside when they fit. */
function Bar({ item }: { item: ServedItem }) {
  const segments = statementSegments(item);
  const words = item.split === 'two-way' ? ['favourable', 'everyone else'] : [...SEGMENT_WORDS];
  return (
    <>
      <span className="app-stacked" aria-hidden="true">
        {segments.map((s, i) => (
          <span
            key={i}
            className="app-stacked__part"
            style={{ width: `${s.percent}%`, background: s.fill, color: s.ink }}
          >
            {s.percent >= 12 ? percent(s.percent) : ''}
          </span>
        ))}
      </span>
      <span className="app-visually-hidden">
        {segments.map((s, i) => `${percent(s.percent)} ${words[i] ?? ''}`).join(', ')}.
      </span>
    </>
  );
}

function Against({ who, cell }: { who: string; cell: StatementComparison | SuppressedCell }) {
  if ('suppressed' in cell) return null;
  return (
    <li>
      {who} {percent(cell.favourablePercent)}{' '}
      <VerdictTag verdict={cell.verdict} labels={VERDICT_LABELS} />
    </li>
  );
}

function Statement({ item, region }: { item: ItemDistribution; region: string }) {
  if (item.suppressed) {
    return (
      <li className="app-statement">
        <p className="app-statement__text">{item.text}</p>
        <p className="app-body app-suppressed">{item.message}</p>
      </li>
    );
  }
  const change = item.benchmarks.change;
  return (
    <li className="app-statement">
      <p className="app-statement__text">
        {item.text}{' '}
        <span className="app-statement__share">{percent(item.favourablePercent)} favourable</span>
      </p>
      <Bar item={item} />
      {item.split === 'two-way' ? (
        <p className="app-secondary-text app-statement__note">
          Shown as favourable against everyone else: splitting it three ways could reveal how fewer
          than the minimum group answered.
        </p>
      ) : null}
      <ul className="app-statement__benchmarks">
        <Against who="England" cell={item.benchmarks.england} />
        <Against who={region} cell={item.benchmarks.region} />
        {change.status === 'shown' ? (
          <li>
            Since {change.previousWave.name} {signed(change.difference)} points{' '}
            <VerdictTag verdict={change.verdict} labels={CHANGE_LABELS} />
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/** Each statement's answers as bars that read the same way: favourable green, on the left. */
export function StatementsSection({ report, fileStem }: { report: LaReport; fileStem: string }) {
  return (
    <ReportSection id="statements" title="Answers to each statement">
      <p className="app-body">
        Green is the answer that is good news (for a statement worded the other way, that is
        disagreeing), grey is “neither”, red the answer that is bad news. Each statement is compared
        with England and the region by its % favourable.
      </p>
      <p className="app-body app-key" aria-hidden="true">
        <span className="app-key__swatch app-key__swatch--better" /> Favourable{' '}
        <span className="app-key__swatch app-key__swatch--neutral" /> Neither, or everyone else{' '}
        <span className="app-key__swatch app-key__swatch--worse" /> Not favourable
      </p>
      {report.scales.map((scale) => {
        const chart = statementsChart(report, scale.key);
        return (
          <div key={scale.key} className="app-statements">
            <h3 className="app-heading-m">{scale.title}</h3>
            <ul className="app-statements__list">
              {report.items
                .filter((i) => i.scale === scale.key)
                .map((item) => (
                  <Statement key={item.item} item={item} region={report.organisation.region} />
                ))}
            </ul>
            {chart ? <ChartDownloads chart={chart} fileStem={fileStem} /> : null}
          </div>
        );
      })}
    </ReportSection>
  );
}
