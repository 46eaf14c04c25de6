import { redirect } from 'react-router';

let pending: { readonly path: string; readonly text: string } | null = null;

/**
 * An action's redirect to the page that shows what it did, e.g. "Account created for …" (a GOV.UK
 * success banner). The next page's loader takes the notice once, with `takeNotice`.
 */
export function redirectWithNotice(path: string, text: string): Response {
  pending = { path, text };
  return redirect(path);
}

/** The notice left for this page, once; null when there is none. */
export function takeNotice(request: Request): string | null {
  if (!pending || pending.path !== new URL(request.url).pathname) return null;
  const { text } = pending;
  pending = null;
  return text;
}
