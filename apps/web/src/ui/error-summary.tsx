import { useEffect, useRef } from 'react';

export interface ErrorSummaryItem {
  /** Id of the field the message belongs to; the link moves focus there. */
  targetId?: string;
  text: string;
  onSelect?: () => void;
}

/** One summary line per field in error, in the form's order, each linking to its field. */
export function fieldErrorItems<F extends string>(
  order: readonly F[],
  errors: Partial<Record<F, string>>,
  targetOf: (field: F) => string = (field) => field,
): ErrorSummaryItem[] {
  return order.flatMap((field) => {
    const text = errors[field];
    return text ? [{ targetId: targetOf(field), text }] : [];
  });
}

/**
 * GOV.UK error summary: appears at the top of the form, is announced (role="alert") and normally takes
 * focus when it appears, and links every message to its field. It takes focus again whenever `items`
 * is a new list: pass the same list (useMemo) until there are new errors to announce, or typing in
 * a field would send focus back here.
 */
export function ErrorSummary({
  title = 'There is a problem',
  items,
  takeFocus = true,
}: {
  title?: string;
  items: ErrorSummaryItem[];
  /** False when something else already moves focus to the first field in error. */
  takeFocus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus && items.length > 0) ref.current?.focus();
  }, [items, takeFocus]);
  if (items.length === 0) return null;
  return (
    <div
      className="app-error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 className="app-error-summary__title" id="error-summary-title">
        {title}
      </h2>
      <ul className="app-error-summary__list">
        {items.map((item, index) => (
          <li key={`${item.targetId ?? 'general'}-${index}`}>
            {item.targetId || item.onSelect ? (
              <a
                href={item.targetId ? `#${item.targetId}` : '#'}
                onClick={(event) => {
                  if (item.onSelect) {
                    event.preventDefault();
                    item.onSelect();
                  }
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
