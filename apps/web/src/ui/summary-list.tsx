import type { ReactNode } from 'react';
import './forms.css';

/** GOV.UK summary list: a key and its value per row. */
export function SummaryList({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="app-summary-list">
      {rows.map(([key, value]) => (
        <div className="app-summary-list__row" key={key}>
          <dt className="app-summary-list__key">{key}</dt>
          <dd className="app-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
