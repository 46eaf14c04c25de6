import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside its own box on a narrow screen, so the page itself reflows
 * at 320 px (WCAG 1.4.10). When it does not fit, a line above it says so and a shadow marks the
 * edge that hides columns, so nobody misses them; the box is focusable for keyboard scrolling.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {overflowing ? (
        <p className="app-table-scroll__cue app-no-print" aria-hidden="true">
          Scroll the table sideways to see every column →
        </p>
      ) : null}
      <div
        ref={box}
        className={`app-table-scroll${overflowing ? ' app-table-scroll--overflowing' : ''}`}
        role="region"
        aria-label={overflowing ? `${label} (scrolls sideways)` : label}
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}
