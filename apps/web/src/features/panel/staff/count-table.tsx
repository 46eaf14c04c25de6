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
    <div className="app-table-wrapper" tabIndex={0} role="region" aria-label={caption}>
      <table className="app-table">
        <caption className="app-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="app-table__numeric">
              Members
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
