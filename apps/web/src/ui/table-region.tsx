import type { ReactNode } from 'react';
import './forms.css';

/** A column heading: its text, or the text with how the column is shown. */
export type ColumnHeading =
  | string
  | {
      readonly text: string;
      /** Right-aligned, for counts and shares. */
      readonly numeric?: boolean;
      /** Read by screen readers only (an "Actions" column). */
      readonly visuallyHidden?: boolean;
      /** A decorative column (a bar), hidden from screen readers. */
      readonly decorative?: boolean;
      readonly className?: string;
    };

function Heading({ column }: { column: ColumnHeading }) {
  if (typeof column === 'string') return <th scope="col">{column}</th>;
  const className =
    [column.numeric ? 'app-table__numeric' : '', column.className ?? '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <th scope="col" className={className} aria-hidden={column.decorative ? 'true' : undefined}>
      {column.visuallyHidden ? (
        <span className="app-visually-hidden">{column.text}</span>
      ) : (
        column.text || null
      )}
    </th>
  );
}

/** A table's row of column headings. */
export function TableHead({ columns }: { columns: readonly ColumnHeading[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <Heading key={index} column={column} />
        ))}
      </tr>
    </thead>
  );
}

/**
 * A GOV.UK table inside a labelled region that scrolls sideways on a narrow screen (focusable, so
 * a keyboard can scroll it), with its caption and column headings. The children are its rows.
 */
export function TableRegion({
  label,
  caption,
  captionVisible = false,
  className,
  columns,
  announceChanges = false,
  children,
}: {
  /** The region's accessible name. */
  label: string;
  caption: ReactNode;
  /** A caption shown as a heading; otherwise read by screen readers only. */
  captionVisible?: boolean;
  /** Classes added to `app-table`. */
  className?: string;
  columns: readonly ColumnHeading[];
  /** The rows change while the page is open (a status): screen readers announce them. */
  announceChanges?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="app-table-wrapper" tabIndex={0} role="region" aria-label={label}>
      <table className={className ? `app-table ${className}` : 'app-table'}>
        <caption className={captionVisible ? 'app-table__caption' : 'app-visually-hidden'}>
          {caption}
        </caption>
        <TableHead columns={columns} />
        <tbody aria-live={announceChanges ? 'polite' : undefined}>{children}</tbody>
      </table>
    </div>
  );
}
