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
  it('announces the route’s scripts and styles in the head, crossorigin as the app asks for them', () => {
    const page = appPageWithHints(
      TEMPLATE,
      { scripts: ['/assets/take-survey-page-9.js'], styles: ['/assets/survey-1.css'] },
      undefined,
    );
    const head = page.slice(0, page.indexOf('</head>'));
    expect(head).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/take-survey-page-9.js">',
    );
    expect(head).toContain(
      '<link rel="preload" as="style" crossorigin href="/assets/survey-1.css">',
    );
    expect(page).not.toContain(INLINE_SURVEY_ELEMENT_ID);
  });

  it('carries the survey as data after #root, which reads back as the same value', () => {
    const survey = { code: 'abc', survey: { title: 'Health </script><script>alert(1)</script>' } };
    const page = appPageWithHints(TEMPLATE, { scripts: [], styles: [] }, survey);
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
