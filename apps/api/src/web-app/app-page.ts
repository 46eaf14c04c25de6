import { INLINE_SURVEY_ELEMENT_ID } from '@swhc/contracts';
import type { ExtraScripts } from './extra-scripts';

/**
 * JSON that can sit inside a `<script type="application/json">` element: `<` is written as its
 * escape, so no string in it can close the element (`</script>`) or open a comment.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const attribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The app page made for one page: scripts of its own to run at once (`async`, so they do not
 * wait for the main script; their imports announced with `modulepreload`, `crossorigin` as the
 * browser then asks for them), and the survey's definition as data (`type="application/json"` is
 * never run, so the Content-Security-Policy's `script-src 'self'` stands).
 */
export function appPageWithHints(template: string, scripts: ExtraScripts, survey: unknown): string {
  const tags = [
    ...scripts.run.map(
      (src) => `<script type="module" async crossorigin src="${attribute(src)}"></script>`,
    ),
    ...scripts.preload.map(
      (src) => `<link rel="modulepreload" crossorigin href="${attribute(src)}">`,
    ),
  ];
  const data =
    survey === undefined
      ? ''
      : `<script type="application/json" id="${INLINE_SURVEY_ELEMENT_ID}">${scriptSafeJson(survey)}</script>`;
  // First in the head: the browser asks for these before the main script and its imports.
  const head = tags.map((tag) => `\n    ${tag}`).join('');
  return template
    .replace('<head>', `<head>${head}`)
    .replace('<div id="root"></div>', `<div id="root"></div>${data}`);
}
