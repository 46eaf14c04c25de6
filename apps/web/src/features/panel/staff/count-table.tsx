import { TableRegion } from '../../../ui';

/** A small two-column table of counts, with its caption as a heading. */
export function CountTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: { label: string; count: number }[];
}) {
  return (
    <TableRegion
      label={caption}
      caption={caption}
      captionVisible
      columns={[heading, { text: 'Members', numeric: true }]}
    >
      {rows.length === 0 ? (
        <tr>
          <td colSpan={2}>None yet</td>
        </tr>
      ) : (
        rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="app-table__numeric">{row.count.toLocaleString('en-GB')}</td>
          </tr>
        ))
      )}
    </TableRegion>
  );
}
