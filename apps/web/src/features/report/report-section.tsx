import type { ReactNode } from 'react';

/** One section of the report: a ruled-off block whose h2 names it for assistive technology. */
export function ReportSection({
  id,
  title,
  children,
}: {
  /** Gives the heading's id, `${id}-heading`. */
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="app-section" aria-labelledby={`${id}-heading`}>
      <h2 className="app-heading-l" id={`${id}-heading`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
