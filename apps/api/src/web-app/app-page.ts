import { INLINE_SURVEY_ELEMENT_ID } from '@swhc/contracts';
import type { RouteChunks } from './route-chunks';

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
 * The app page with what this page will need announced in its head, so it travels beside the
 * main script instead of after it: the route's chunks (`modulepreload`, as Vite itself would ask
 * for them, `crossorigin` included so the preloaded copy is used) and stylesheets (`preload`),
 * and the survey's definition as data (`type="application/json"` is never run, so the
 * Content-Security-Policy's `script-src 'self'` stands).
 */
export function appPageWithHints(
  template: string,
  chunks: RouteChunks,
  /** The survey link's definition, or undefined for none. */
  survey: unknown,
): string {
  const links = [
    ...chunks.scripts.map(
      (src) => `<link rel="modulepreload" crossorigin href="${attribute(src)}">`,
    ),
    ...chunks.styles.map(
      (href) => `<link rel="preload" as="style" crossorigin href="${attribute(href)}">`,
    ),
  ];
  const data =
    survey === undefined
      ? ''
      : `<script type="application/json" id="${INLINE_SURVEY_ELEMENT_ID}">${scriptSafeJson(survey)}</script>`;
  const head = links.map((link) => `    ${link}\n`).join('');
  return template
    .replace('</head>', `${head}  </head>`)
    .replace('<div id="root"></div>', `<div id="root"></div>${data}`);
}
