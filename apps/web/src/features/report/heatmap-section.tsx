import type { GroupedDimension, GroupRow, LaReport } from '@swhc/contracts';
import { heatColour } from '@swhc/report-view';
import { Details, TableHead } from '../../ui';
import { percent, signed, wholeScore } from './format';
import { ReportSection } from './report-section';
import { TableScroll } from './table-scroll';

type ServedGroup = Extract<GroupRow, { suppressed: false }>;

/**
 * A cell's number and its signed difference (the shade repeats what the sign already says), or the
 * sentence of a hidden cell.
 */
function HeatCell({ cell }: { cell: { main: string; difference: number } | { hidden: string } }) {
  if ('hidden' in cell) return <td className="app-suppressed">{cell.hidden}</td>;
  return (
    <td className="app-table__numeric app-heat" style={{ background: heatColour(cell.difference) }}>
      {cell.main} <span className="app-heat__difference">({signed(cell.difference)})</span>
    </td>
  );
}

/** On a phone: each group as a short list of its scales, so nothing scrolls sideways. */
function ScalesCards({ report, dimension }: { report: LaReport; dimension: GroupedDimension }) {
  const titles = new Map(report.scales.map((s) => [s.key, s.title]));
  return (
    <ul className="app-heat-cards">
      {dimension.groups.map((group) => (
        <li key={group.key} className="app-heat-card">
          <h4 className="app-heat-card__title">
            {group.label}
            {group.suppressed ? null : (
              <span className="app-heat-card__n"> ({group.n} people)</span>
            )}
          </h4>
          {group.suppressed ? (
            <p className="app-body app-suppressed">{group.message}</p>
          ) : (
            <dl className="app-heat-card__list">
              {group.scales.map((cell) => (
                <div
                  key={cell.scale}
                  className="app-heat-card__row"
                  style={
                    cell.suppressed
                      ? undefined
                      : { background: heatColour(cell.differenceFromOverall) }
                  }
                >
                  <dt>{titles.get(cell.scale) ?? cell.scale}</dt>
                  <dd>
                    {cell.suppressed ? (
                      <span className="app-suppressed">{cell.message}</span>
                    ) : (
                      <>
                        {wholeScore(cell.score)}{' '}
                        <span className="app-heat__difference">
                          ({signed(cell.differenceFromOverall)})
                        </span>
                      </>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}

function ScalesTable({ report, dimension }: { report: LaReport; dimension: GroupedDimension }) {
  const scales = report.scales.map((s) => ({ key: s.key, title: s.title }));
  const caption = `Scores by ${dimension.title.toLowerCase()}`;
  return (
    <TableScroll label={caption}>
      <table className="app-table app-table--heatmap">
        <caption className="app-table__caption">{caption}</caption>
        <TableHead
          columns={[
            dimension.title,
            { text: 'People', numeric: true },
            ...scales.map((s) => ({ text: s.title, numeric: true })),
          ]}
        />
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
                {group.scales.map((cell) => (
                  <HeatCell
                    key={cell.scale}
                    cell={
                      cell.suppressed
                        ? { hidden: cell.message }
                        : { main: wholeScore(cell.score), difference: cell.differenceFromOverall }
                    }
                  />
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function StatementsTable({ report, dimension }: { report: LaReport; dimension: GroupedDimension }) {
  const groups = dimension.groups.filter((g): g is ServedGroup => !g.suppressed);
  const caption = `Statements by ${dimension.title.toLowerCase()}`;
  if (groups.length === 0) {
    return <p className="app-body">No group is large enough to show its answers.</p>;
  }
  return (
    <TableScroll label={caption}>
      <table className="app-table app-table--heatmap">
        <caption className="app-table__caption">{caption}</caption>
        <TableHead
          columns={['Statement', ...groups.map((g) => ({ text: g.label, numeric: true }))]}
        />
        <tbody>
          {report.items.map((item) => (
            <tr key={item.item}>
              <th scope="row" className="app-table__statement">
                {item.text}
              </th>
              {groups.map((g) => {
                const cell = g.statements.find((c) => c.item === item.item);
                return (
                  <HeatCell
                    key={g.key}
                    cell={
                      !cell || cell.suppressed
                        ? { hidden: 'Not shown' }
                        : {
                            main: percent(cell.favourablePercent),
                            difference: cell.differenceFromOverall,
                          }
                    }
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Groups × scales as a heatmap, one grouping at a time; statements by group on demand. */
export function HeatmapSection({ report }: { report: LaReport }) {
  return (
    <ReportSection id="groups" title="Results by group">
      <p className="app-body">
        Each cell is the group’s score with its difference from {report.organisation.name} as a
        whole: green where the group is higher (better), red where it is lower, white where it is
        within 2 points. Groups of fewer than {report.minimumGroupSize} people are not shown, and
        neither is any group that would let someone work out a smaller one.
      </p>
      {report.groups.map((dimension) => (
        <div key={dimension.dimension} className="app-heatmap">
          <h3 className="app-heading-m">By {dimension.title.toLowerCase()}</h3>
          <p className="app-body app-secondary-text">
            Scores out of 100; in brackets, the difference from {report.organisation.name}.
          </p>
          <div className="app-heatmap__wide">
            <ScalesTable report={report} dimension={dimension} />
          </div>
          <div className="app-heatmap__narrow">
            <ScalesCards report={report} dimension={dimension} />
          </div>
          <Details summary={`Show each statement by ${dimension.title.toLowerCase()}`}>
            <p className="app-body app-secondary-text">
              % favourable; in brackets, the difference from {report.organisation.name} in
              percentage points.
            </p>
            <StatementsTable report={report} dimension={dimension} />
          </Details>
        </div>
      ))}
    </ReportSection>
  );
}
