import type { ReactNode } from 'react';
import { TableRegion } from '../../ui';

/**
 * A table of statistics with a visible caption: the first cell of each row names it, the other
 * columns are numbers (right-aligned).
 */
export function StatisticsTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}) {
  return (
    <TableRegion
      label={caption}
      caption={caption}
      captionVisible
      className="app-table__small"
      columns={head.map((text, i) => (i === 0 ? text : { text, numeric: true }))}
    >
      {rows.map((row) => (
        <tr key={row.key}>
          {row.cells.map((cell, i) =>
            i === 0 ? (
              <th scope="row" key={i}>
                {cell}
              </th>
            ) : (
              <td key={i} className="app-table__numeric">
                {cell}
              </td>
            ),
          )}
        </tr>
      ))}
    </TableRegion>
  );
}
