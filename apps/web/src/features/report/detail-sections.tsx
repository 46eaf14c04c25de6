import type { DriversResult, GroupedDimension, ItemDistribution, LaReport } from '@swhc/contracts';
import { num, percent, reliabilityWords, wholeScore } from './format';
import { ReportSection } from './report-section';
import { TableScroll } from './table-scroll';

export function DriversSection({ drivers }: { drivers: DriversResult }) {
  return (
    <ReportSection id="drivers" title="What drives intention to stay">
      {!drivers.available ? (
        <p className="app-body">{drivers.message}</p>
      ) : (
        <>
          <p className="app-body">
            How much of the difference between people in how likely they are to stay goes with each
            scale. Together the four scales account for {percent(100 * drivers.r2)} of it.{' '}
            {drivers.message}
          </p>
          <table className="app-table">
            <caption className="app-table__caption">
              Share of what the scales explain about intention to stay (
              {drivers.source === 'organisation' ? 'your local authority' : 'England'})
            </caption>
            <thead>
              <tr>
                <th scope="col">Scale</th>
                <th scope="col" className="app-table__numeric">
                  Share
                </th>
                <th scope="col" aria-hidden="true" className="app-table__bar-heading" />
              </tr>
            </thead>
            <tbody>
              {[...drivers.shares]
                .sort((a, b) => b.share - a.share)
                .map((d) => (
                  <tr key={d.scale}>
                    <th scope="row">{d.title}</th>
                    <td className="app-table__numeric">{percent(d.percentOfR2)}</td>
                    <td aria-hidden="true" className="app-table__bar-cell">
                      <span
                        className="app-bar"
                        style={{ width: `${Math.max(0, d.percentOfR2)}%` }}
                      />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </ReportSection>
  );
}

function GroupTable({ dimension, report }: { dimension: GroupedDimension; report: LaReport }) {
  const scales = report.scales.map((s) => ({ key: s.key, title: s.title }));
  return (
    <TableScroll label={`Scores by ${dimension.title.toLowerCase()}`}>
      <table className="app-table">
        <caption className="app-table__caption">
          Scores by {dimension.title.toLowerCase()} (0 to 100)
        </caption>
        <thead>
          <tr>
            <th scope="col">{dimension.title}</th>
            <th scope="col" className="app-table__numeric">
              Responses
            </th>
            {scales.map((s) => (
              <th scope="col" key={s.key} className="app-table__numeric">
                {s.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dimension.groups.map((group) =>
            group.suppressed ? (
              <tr key={group.key}>
                <th scope="row">{group.label}</th>
                <td colSpan={scales.length + 1} className="app-suppressed">
                  {group.message}
                </td>
              </tr>
            ) : (
              <tr key={group.key}>
                <th scope="row">{group.label}</th>
                <td className="app-table__numeric">{group.n}</td>
                {group.scales.map((cell) =>
                  cell.suppressed ? (
                    <td key={cell.scale} className="app-suppressed app-table__numeric">
                      {cell.message}
                    </td>
                  ) : (
                    <td key={cell.scale} className="app-table__numeric">
                      {wholeScore(cell.score)}
                    </td>
                  ),
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function GroupsSection({ report }: { report: LaReport }) {
  return (
    <ReportSection id="groups" title="Results by group">
      <p className="app-body">
        Scores for groups of at least {report.minimumGroupSize} people, one way of grouping at a
        time. Smaller groups are not shown, and neither is any group that would let someone work out
        a smaller one.
      </p>
      {report.groups.map((dimension) => (
        <GroupTable key={dimension.dimension} dimension={dimension} report={report} />
      ))}
    </ReportSection>
  );
}

function Distribution({ item }: { item: Extract<ItemDistribution, { suppressed: false }> }) {
  return (
    <span className="app-stacked" aria-hidden="true">
      <span className="app-stacked__agree" style={{ width: `${item.agree}%` }} />
      <span className="app-stacked__neutral" style={{ width: `${item.neutral}%` }} />
      <span className="app-stacked__disagree" style={{ width: `${item.disagree}%` }} />
    </span>
  );
}

export function ItemsSection({ report }: { report: LaReport }) {
  return (
    <ReportSection id="items" title="Answers to each statement">
      <p className="app-body">
        The share of people who agreed, neither agreed nor disagreed, or disagreed, out of those who
        answered. Some statements are worded the other way round; they are marked “reversed”
        (agreeing with them lowers the scale’s score).
      </p>
      {report.scales.map((scale) => (
        <TableScroll
          key={scale.key}
          label={`Answers to the ${scale.title.toLowerCase()} statements`}
        >
          <table className="app-table app-table--items">
            <caption className="app-table__caption">{scale.title}</caption>
            <thead>
              <tr>
                <th scope="col">Statement</th>
                <th scope="col" className="app-table__numeric">
                  Agree
                </th>
                <th scope="col" className="app-table__numeric">
                  Neither
                </th>
                <th scope="col" className="app-table__numeric">
                  Disagree
                </th>
                <th scope="col" className="app-table__bar-heading app-no-print">
                  <span className="app-visually-hidden">Chart</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {report.items
                .filter((item) => item.scale === scale.key)
                .map((item) => (
                  <tr key={item.item}>
                    <th scope="row" className="app-table__statement">
                      {item.text}
                      {item.reversed ? (
                        <span className="app-secondary-text"> (reversed)</span>
                      ) : null}
                    </th>
                    {item.suppressed ? (
                      <td colSpan={4} className="app-suppressed">
                        {item.message}
                      </td>
                    ) : (
                      <>
                        <td className="app-table__numeric">{percent(item.agree)}</td>
                        <td className="app-table__numeric">{percent(item.neutral)}</td>
                        <td className="app-table__numeric">{percent(item.disagree)}</td>
                        <td className="app-table__bar-cell app-no-print">
                          <Distribution item={item} />
                        </td>
                      </>
                    )}
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      ))}
    </ReportSection>
  );
}

export function ReliabilitySection({ report }: { report: LaReport }) {
  return (
    <ReportSection id="reliability" title="How reliable the scales are">
      <p className="app-body">
        Cronbach’s alpha shows whether the six statements of a scale hang together in your
        responses. 0.7 or more is usually taken as acceptable, 0.8 or more as good.
      </p>
      <table className="app-table">
        <caption className="app-table__caption">Reliability in your responses</caption>
        <thead>
          <tr>
            <th scope="col">Scale</th>
            <th scope="col" className="app-table__numeric">
              Cronbach’s alpha
            </th>
            <th scope="col">What this means</th>
          </tr>
        </thead>
        <tbody>
          {report.scales.map((scale) => (
            <tr key={scale.key}>
              <th scope="row">{scale.title}</th>
              {scale.suppressed ? (
                <td colSpan={2} className="app-suppressed">
                  {scale.message}
                </td>
              ) : scale.reliability ? (
                <>
                  <td className="app-table__numeric">{num(scale.reliability.alpha, 2)}</td>
                  <td>{reliabilityWords(scale.reliability.alpha)}</td>
                </>
              ) : (
                <td colSpan={2}>Could not be worked out from these responses</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ReportSection>
  );
}
