import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';

let root: Root | undefined;

/** Unmounts the page `openPage` rendered (call it in afterEach). */
export function closePage(): void {
  act(() => root?.unmount());
  root = undefined;
}

/** Renders `routes` at `path` in a memory router, as the app does in the browser. */
export function openPage(routes: RouteObject[], path: string) {
  closePage();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    root = createRoot(container);
    root.render(<RouterProvider router={router} />);
  });
  const heading = () => container.querySelector('h1')?.textContent ?? '';
  const button = (text: string) => {
    const found = [...container.querySelectorAll('button')].find((b) => b.textContent === text);
    if (!found) throw new Error(`No button "${text}"`);
    return found;
  };
  return { router, container, heading, button };
}

/**
 * Waits until `check` passes: loaders and lazily loaded pages take a moment. React renders their
 * answers as they come, as in a browser (not inside act(), which would hold them back).
 */
export async function eventually(check: () => void): Promise<void> {
  const flags = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  flags.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await vi.waitFor(check, { timeout: 4000 });
  } finally {
    flags.IS_REACT_ACT_ENVIRONMENT = true;
  }
}

export const headingIs = (page: { heading: () => string }, text: string) =>
  eventually(() => expect(page.heading()).toBe(text));

/** Types into a field as a person would: one input event a character. */
export function typeInto(input: HTMLInputElement, text: string): void {
  for (const character of text) {
    act(() => {
      // Past React's own value tracking, as the browser sets it.
      Reflect.set(HTMLInputElement.prototype, 'value', `${input.value}${character}`, input);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
}
