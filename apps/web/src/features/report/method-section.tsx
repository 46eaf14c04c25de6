import type { LaReport } from '@swhc/contracts';
import { methodNotes } from '@swhc/report-view';
import { Details, TableHead } from '../../ui';
import { num, reliabilityWords } from './format';
import { ReportSection } from './report-section';
import { TableScroll } from './table-scroll';

/** "How we worked this out": the statistics behind the plain words, closed until asked for. */
export function MethodSection({ report }: { report: LaReport }) {
  return (
    <ReportSection id="method" title="How we worked this out">
      <Details summary="The statistics behind this report (Cronbach’s alpha, Welch’s test, Hedges’ g, measurement invariance)">
        {methodNotes(report).map((note) => (
          <div key={note.heading}>
            <h3 className="app-heading-s">{note.heading}</h3>
            <p className="app-body">{note.text}</p>
          </div>
        ))}
        <TableScroll label="Reliability of the scales">
          <table className="app-table">
            <caption className="app-table__caption">
              Reliability in {report.organisation.name}’s responses
            </caption>
            <TableHead
              columns={['Scale', { text: 'Cronbach’s alpha', numeric: true }, 'What this means']}
            />
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
        </TableScroll>
      </Details>
    </ReportSection>
  );
}
