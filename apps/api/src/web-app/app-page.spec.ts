import { INLINE_SURVEY_ELEMENT_ID } from '@swhc/contracts';
import { appPageWithHints, scriptSafeJson } from './app-page';

const TEMPLATE = `<!doctype html>
<html lang="en-GB">
  <head>
    <script type="module" crossorigin src="/assets/index-a1b2c3d4.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('appPageWithHints', () => {
  it('runs the page’s own scripts at once, before the main script, and announces their imports', () => {
    const page = appPageWithHints(
      TEMPLATE,
      { run: ['/assets/early-poll-7.js'], preload: ['/assets/tokens-9.js'] },
      undefined,
    );
    const early = page.indexOf(
      '<script type="module" async crossorigin src="/assets/early-poll-7.js"></script>',
    );
    const preload = page.indexOf(
      '<link rel="modulepreload" crossorigin href="/assets/tokens-9.js">',
    );
    expect(early).toBeGreaterThan(page.indexOf('<head>'));
    expect(preload).toBeGreaterThan(early);
    expect(page.indexOf('/assets/index-a1b2c3d4.js')).toBeGreaterThan(preload);
    expect(page).not.toContain(INLINE_SURVEY_ELEMENT_ID);
  });

  it('carries the survey as data after #root, which reads back as the same value', () => {
    const survey = { code: 'abc', survey: { title: 'Health </script><script>alert(1)</script>' } };
    const page = appPageWithHints(TEMPLATE, { run: [], preload: [] }, survey);
    const match = new RegExp(
      `<div id="root"></div><script type="application/json" id="${INLINE_SURVEY_ELEMENT_ID}">(.*?)</script>`,
    ).exec(page);
    expect(match?.[1]).toBeDefined();
    expect(JSON.parse(match?.[1] ?? '')).toEqual(survey);
    // Only the element's own end tag closes it: no text inside can.
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe('scriptSafeJson', () => {
  it('writes "<" and the JavaScript line separators as escapes, still the same JSON value', () => {
    const value = { text: '<!-- </script> \u2028\u2029' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
