// React 19 warns unless the test environment says it supports act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout: SurveyJS only needs ResizeObserver and scrolling to exist.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver;
if (!('scrollIntoView' in Element.prototype)) {
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value: () => undefined });
}
window.scrollTo = () => undefined;
// jsdom lacks CSS.escape, which SurveyJS uses to find inputs to focus.
const css = (globalThis.CSS ?? {}) as { escape?: (value: string) => string };
css.escape ??= (value) => value.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch}`);
(globalThis as { CSS?: unknown }).CSS = css;

afterEach(() => {
  window.localStorage.clear();
  document.body.innerHTML = '';
});
