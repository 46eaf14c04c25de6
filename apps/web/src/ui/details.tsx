import type { ReactNode } from 'react';
import './details.css';

/** GOV.UK-style details: a summary line that opens the text behind it. */
export function Details({
  summary,
  children,
  open,
  className,
}: {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
  /** Extra classes on the `<details>`, e.g. `app-no-print`. */
  className?: string;
}) {
  return (
    <details className={className ? `app-details ${className}` : 'app-details'} open={open}>
      <summary className="app-details__summary">{summary}</summary>
      <div className="app-details__text">{children}</div>
    </details>
  );
}
