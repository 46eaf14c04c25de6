/** First focusable element on every page (WCAG 2.4.1). */
export function SkipLink() {
  return (
    <a href="#main-content" className="app-skip-link">
      Skip to main content
    </a>
  );
}
