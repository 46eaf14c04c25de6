import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside its own box on a narrow screen, so the page itself reflows
 * at 320 px (WCAG 1.4.10). The box is focusable so keyboard users can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
