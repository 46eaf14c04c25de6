import type { FunnelScale, LaReport } from '@swhc/contracts';
import { funnelChart } from '@swhc/report-view';
import { ChartFigure } from './chart-figure';
import { wholeScore } from './format';
import { ReportSection } from './report-section';
import { TableScroll } from './table-scroll';
import { TableHead } from '../../ui';

function FunnelTable({ plot, name }: { plot: FunnelScale; name: string }) {
  return (
    <TableScroll label={`${plot.title}: every local authority`}>
      <table className="app-table app-table--compact">
        <caption className="app-table__caption">
          {plot.title}: every local authority with at least the minimum number of responses (England
          average {wholeScore(plot.target)})
        </caption>
        <TableHead
          columns={[
            'Local authority',
            { text: 'Responses', numeric: true },
            { text: 'Score', numeric: true },
            'Against the funnel’s limits',
          ]}
        />
        <tbody>
          {plot.points.map((p, i) => (
            <tr key={i} className={p.own ? 'app-table__row--own' : undefined}>
              <th scope="row">{p.own ? `${name} (this report)` : 'Another local authority'}</th>
              <td className="app-table__numeric">{p.n}</td>
              <td className="app-table__numeric">{wholeScore(p.score)}</td>
              <td>
                {p.outside998
                  ? 'Outside the 99.8% limits'
                  : p.outside95
                    ? 'Outside the 95% limits'
                    : 'Within the limits'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Every LA on a funnel plot per scale (only this one named); the caption gives the one verdict. */
export function FunnelSection({ report, fileStem }: { report: LaReport; fileStem: string }) {
  const name = report.organisation.name;
  return (
    <ReportSection id="funnel" title="Compared with every local authority">
      <p className="app-body">
        Each circle is a local authority with at least {report.minimumGroupSize} responses; the
        others are not named. {name} is the blue diamond. Small local authorities vary more by
        chance, so the limits widen to the left. The verdict in each caption is the same as in the
        scores above.
      </p>
      <div className="app-funnels">
        {report.funnel.map((plot) => (
          <div key={plot.scale} className="app-funnel">
            <h3 className="app-heading-s">{plot.title}</h3>
            <ChartFigure
              chart={funnelChart(plot, name)}
              caption={plot.caption}
              table={<FunnelTable plot={plot} name={name} />}
              tableLabel={`Show the data for ${plot.title.toLowerCase()} as a table`}
              fileStem={fileStem}
            />
          </div>
        ))}
      </div>
    </ReportSection>
  );
}
