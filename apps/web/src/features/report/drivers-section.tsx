import type { DriversResult } from '@swhc/contracts';
import { driversChart } from '@swhc/report-view';
import { ChartFigure } from './chart-figure';
import { percent } from './format';
import { ReportSection } from './report-section';
import { TableHead } from '../../ui';

/** What goes with intention to stay: the sentence, the bars, where the figures come from. */
export function DriversSection({
  drivers,
  fileStem,
}: {
  drivers: DriversResult;
  fileStem: string;
}) {
  const chart = driversChart(drivers);
  return (
    <ReportSection id="drivers" title="What goes with intention to stay">
      {!drivers.available || !chart ? (
        <p className="app-body">{drivers.message}</p>
      ) : (
        <>
          <p className="app-body">{drivers.sentence}</p>
          <ChartFigure
            chart={chart}
            caption={drivers.message}
            tableLabel="Show the shares as a table"
            fileStem={fileStem}
            table={
              <table className="app-table">
                <caption className="app-table__caption">
                  Share of what the scales explain about intention to stay
                </caption>
                <TableHead columns={['Scale', { text: 'Share', numeric: true }]} />
                <tbody>
                  {[...drivers.shares]
                    .sort((a, b) => b.share - a.share)
                    .map((d) => (
                      <tr key={d.scale}>
                        <th scope="row">{d.title}</th>
                        <td className="app-table__numeric">{percent(d.percentOfR2)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            }
          />
        </>
      )}
    </ReportSection>
  );
}
