import type { ReactNode } from 'react';

/** GOV.UK-style confirmation panel. The title is the page's h1. */
export function Panel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="app-panel">
      <h1 className="app-panel__title">{title}</h1>
      {children ? <div className="app-panel__body">{children}</div> : null}
    </div>
  );
}
