import type { ExportOptions, ResearchExportStatus, ValidationReport } from '@swhc/contracts';
import { act } from 'react';
import { routes } from '../../app/router';
import { staffSession } from '../../app/staff-session';
import { closePage, eventually, headingIs, openPage } from '../../test-support/pages';
import { answerFetch, jsonResponse } from '../../test-support/responses';

const RESEARCHER = { email: 'r@uni.test', role: 'researcher', organisations: [] };
const WAVE = '0b6f2a1e-6a53-4c1b-9f3e-2d1c0b9a8f7e';
const POLL = '5d3c1b2a-1f2e-4d3c-8b7a-6f5e4d3c2b1a';
const OPTIONS: ExportOptions = {
  minimumGroupSize: 10,
  polls: [
    {
      id: POLL,
      title: 'Pulse poll 12',
      closesAt: '2026-11-20T17:00:00.000Z',
      answers: 640,
      questions: ['How is your wellbeing?'],
    },
  ],
  instruments: [
    {
      key: 'health-check',
      version: 1,
      title: 'Health Check',
      waves: [{ id: WAVE, name: 'Health Check 2025', responses: 1200 }],
      variables: [
        {
          name: 'region',
          label: 'Region',
          group: 'Where',
          quasiIdentifier: true,
          sensitive: false,
        },
        {
          name: 'demands1',
          label: 'Demands 1',
          group: 'Items',
          quasiIdentifier: false,
          sensitive: false,
        },
      ],
    },
  ],
};
const status = (over: Partial<ResearchExportStatus>): ResearchExportStatus => ({
  id: 'e1',
  state: 'running',
  progress: 0.4,
  rowsDone: 480,
  rowsTotal: 1200,
  waves: [{ id: WAVE, name: 'Health Check 2025' }],
  polls: [{ id: POLL, title: 'Pulse poll 12' }],
  variables: ['region', 'demands1'],
  requestedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: null,
  reason: null,
  anonymisation: null,
  sizeBytes: null,
  requestedBy: null,
  ...over,
});

/** The api as these tests need it, by path; anything else is a 500. Returns what was asked. */
function api(answers: Record<string, (init?: RequestInit) => Response>) {
  const asked: { url: string; body?: unknown }[] = [];
  answerFetch((url, init) => {
    asked.push({
      url,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    });
    const answer = answers[`${init?.method ?? 'GET'} ${url.split('?')[0] ?? ''}`];
    return Promise.resolve(answer ? answer(init) : jsonResponse(500, { message: 'unexpected' }));
  });
  return asked;
}

afterEach(closePage);
beforeEach(() => staffSession.forget());

/** The exports page, its request refused (422) for `field` with `message`; the requests it made. */
async function exportsPageRefusing(field: string, message: string) {
  const asked = api({
    'GET /api/auth/me': () => jsonResponse(200, RESEARCHER),
    'GET /api/research/export-options': () => jsonResponse(200, OPTIONS),
    'GET /api/research/exports': () => jsonResponse(200, []),
    'POST /api/research/exports': () =>
      jsonResponse(422, {
        message: 'This export cannot be made anonymous',
        errors: [{ field, message }],
      }),
  });
  const page = openPage(routes, '/research/exports');
  await headingIs(page, 'Anonymised data exports');
  return { asked, page };
}

describe('research pages', () => {
  it('follows an export’s progress until its ZIP can be downloaded', async () => {
    let calls = 0;
    api({
      'GET /api/auth/me': () => jsonResponse(200, RESEARCHER),
      'GET /api/research/export-options': () => jsonResponse(200, OPTIONS),
      'GET /api/research/exports': () =>
        jsonResponse(200, [
          ++calls === 1
            ? status({})
            : status({
                state: 'ready',
                progress: 1,
                rowsDone: 1200,
                sizeBytes: 50_000,
                anonymisation: {
                  k: 10,
                  l: 2,
                  maxSuppressedShare: 0.05,
                  rows: 1200,
                  rowsSuppressed: 3,
                  rowsWithheld: 0,
                  quasiIdentifiers: [],
                  sensitive: [],
                  cellsChanged: 1215,
                },
              }),
        ]),
    });
    const page = openPage(routes, '/research/exports');
    await headingIs(page, 'Anonymised data exports');
    expect(page.container.textContent).toContain('Being made: 40% (480 of 1,200 rows)');
    expect(page.container.textContent).toContain('Health Check 2025, Pulse poll 12');
    await eventually(() =>
      expect(page.container.querySelector('a[download]')?.getAttribute('href')).toBe(
        '/api/research/exports/e1/download',
      ),
    );
    expect(page.container.textContent).toContain('1,215 cells changed to protect anonymity');
  });

  it('sends the chosen waves and variables, and shows a refusal with its reason', async () => {
    const { asked, page } = await exportsPageRefusing(
      'waves',
      'Health Check 2025 has fewer than 10 responses',
    );
    act(() => page.container.querySelector<HTMLInputElement>('input[value="region"]')?.click());
    act(() => page.button('Request export').click());
    await eventually(() =>
      expect(page.container.querySelector('.app-error-message')?.textContent).toContain(
        'Health Check 2025 has fewer than 10 responses',
      ),
    );
    expect(asked.find((a) => a.url === '/api/research/exports' && a.body)?.body).toEqual({
      waves: [WAVE],
      variables: ['demands1'],
    });
  });

  it('sends a poll chosen alone, without the waves’ variables, and shows a poll’s refusal beside the polls', async () => {
    const { asked, page } = await exportsPageRefusing(
      'polls',
      '“Pulse poll 12” has fewer than 10 answers',
    );
    const poll = page.container.querySelector<HTMLInputElement>('#polls');
    expect(poll?.checked).toBe(false);
    expect(page.container.querySelector('label[for="polls"]')?.textContent).toBe(
      'Pulse poll 12 (closed 20 Nov 2026, 640 answers)',
    );
    act(() => page.container.querySelector<HTMLInputElement>(`input[value="${WAVE}"]`)?.click());
    act(() => page.button('Request export').click());
    await eventually(() =>
      expect(page.container.querySelector('.app-error-message')?.textContent).toContain(
        'Select at least one wave or poll',
      ),
    );
    act(() => poll?.click());
    act(() => page.button('Request export').click());
    await eventually(() =>
      expect(
        page.container.querySelector('.app-form-group--error .app-error-message')?.textContent,
      ).toContain('“Pulse poll 12” has fewer than 10 answers'),
    );
    expect(page.container.querySelector('.app-form-group--error #polls')).not.toBeNull();
    expect(asked.find((a) => a.url === '/api/research/exports' && a.body)?.body).toEqual({
      waves: [],
      polls: [POLL],
    });
  });

  it('shows the validation report’s verdicts, and "not found" for a malformed address without asking', async () => {
    const report: ValidationReport = {
      instrument: { key: 'health-check', version: 1, title: 'Health Check' },
      waves: [{ id: WAVE, name: 'Health Check 2025' }],
      computedAt: '2026-12-01T10:00:00.000Z',
      method: 'Chen 2007 cut-offs.',
      groups: [],
      invariance: [
        {
          kind: 'waves',
          groups: ['Health Check 2024', 'Health Check 2025'],
          service: 'adults',
          fromWaveId: WAVE,
          toWaveId: WAVE,
          n: [500, 520],
          fits: null,
          steps: [],
          holds: false,
          partial: null,
          scales: [
            {
              scale: 'support',
              title: 'Support',
              holds: false,
              steps: [
                {
                  from: 'configural',
                  to: 'metric',
                  deltaCfi: -0.002,
                  deltaRmsea: 0.001,
                  holds: true,
                },
                { from: 'metric', to: 'scalar', deltaCfi: -0.03, deltaRmsea: 0.02, holds: false },
              ],
              verdict: 'Support cannot be compared.',
            },
          ],
          verdict: 'May be compared: none.',
        },
      ],
    };
    const asked = api({
      'GET /api/auth/me': () => jsonResponse(200, RESEARCHER),
      'GET /api/research/validation': () => jsonResponse(200, report),
    });
    const bad = openPage(routes, '/research/validation/health-check/zero');
    await headingIs(bad, 'Page not found');
    expect(asked.filter((a) => a.url.startsWith('/api/research'))).toEqual([]);

    const page = openPage(routes, '/research/validation/health-check/1');
    await headingIs(page, 'Validation report: Health Check, version 1');
    expect(asked.map((a) => a.url)).toContain(
      '/api/research/validation?instrument=health-check&version=1',
    );
    const row = [...page.container.querySelectorAll('tr')].find((r) =>
      r.textContent?.startsWith('Support'),
    );
    expect([...(row?.children ?? [])].map((c) => c.textContent)).toEqual([
      'Support',
      'No',
      '−0.002',
      '+0.001',
      '−0.030',
      '+0.020',
    ]);
    const pdf = [...page.container.querySelectorAll('a')].find((a) =>
      a.textContent?.includes('(PDF)'),
    );
    expect(pdf?.getAttribute('href')).toBe(
      '/api/research/validation.pdf?instrument=health-check&version=1',
    );
  });

  it('shows the WLSMV fit first with ML beside it, and says when WLSMV could not be fitted', async () => {
    const structure = {
      loadings: [{ scale: 'support', item: 'support1', std: 0.81 }],
      factorCorrelations: [],
      warnings: [],
    };
    const ml = {
      available: true as const,
      estimator: 'ML' as const,
      n: 300,
      chisq: 400.5,
      df: 246,
      pvalue: 0.001,
      cfi: 0.95,
      tli: 0.94,
      rmsea: 0.046,
      rmseaCiLower: 0.04,
      rmseaCiUpper: 0.05,
      srmr: 0.05,
      converged: true,
      robust: null,
      ...structure,
      loadings: [{ scale: 'support', item: 'support1', std: 0.74 }],
    };
    const group = (
      label: string,
      ordinalCfa: ValidationReport['groups'][number]['ordinalCfa'],
    ) => ({
      label,
      waveId: WAVE,
      service: 'children' as const,
      n: 300,
      items: [],
      scales: [],
      cfa: ml,
      ordinalCfa,
    });
    const report: ValidationReport = {
      instrument: { key: 'health-check', version: 1, title: 'Health Check' },
      waves: [{ id: WAVE, name: 'Health Check 2025' }],
      computedAt: '2026-12-01T10:00:00.000Z',
      method: 'WLSMV first.',
      groups: [
        group('Fitted', {
          available: true,
          estimator: 'WLSMV',
          parameterization: 'delta',
          n: 297,
          chisq: 350,
          df: 246,
          pvalue: 0.001,
          chisqScaled: 310.25,
          dfScaled: 246,
          pvalueScaled: 0.003,
          chisqScalingFactor: 1.1,
          chisqShiftParameter: 12,
          cfiScaled: 0.987,
          tliScaled: 0.985,
          rmseaScaled: 0.03,
          rmseaCiLowerScaled: 0.02,
          rmseaCiUpperScaled: 0.04,
          cfiRobust: 0.97,
          tliRobust: null,
          rmseaRobust: 0.05,
          rmseaCiLowerRobust: null,
          rmseaCiUpperRobust: null,
          srmr: 0.041,
          converged: true,
          ...structure,
        }),
        group('Not fitted', {
          available: false,
          reason: "some categories of variable 'support1' are empty in group 1",
        }),
      ],
      invariance: [],
    };
    api({
      'GET /api/auth/me': () => jsonResponse(200, RESEARCHER),
      'GET /api/research/validation': () => jsonResponse(200, report),
    });
    const page = openPage(routes, '/research/validation/health-check/1');
    await headingIs(page, 'Validation report: Health Check, version 1');
    expect(page.container.textContent).toContain('treats them as ordered categories (WLSMV');
    const [fitted, notFitted] = [...page.container.querySelectorAll('section')].filter((s) =>
      s.querySelector('h3'),
    );
    const text = fitted?.textContent ?? '';
    expect(text).toContain('primary analysis (WLSMV, n = 297): scaled χ² = 310.25 on 246 df');
    expect(text).toContain('CFI 0.987, TLI 0.985, RMSEA 0.030');
    expect(text.indexOf('WLSMV, n = 297')).toBeLessThan(text.indexOf('ML, n = 300'));
    const captions = [...(fitted?.querySelectorAll('caption') ?? [])].map((c) => c.textContent);
    expect(captions.indexOf('Standardised loadings (WLSMV)')).toBeGreaterThanOrEqual(0);
    expect(captions.indexOf('Standardised loadings (WLSMV)')).toBeLessThan(
      captions.indexOf('Standardised loadings (ML)'),
    );
    expect(notFitted?.textContent).toContain(
      "could not be fitted with the answers as ordered categories (WLSMV): some categories of variable 'support1' are empty in group 1. Read the ML fit below instead.",
    );
    expect(notFitted?.textContent).toContain('ML, n = 300');
  });
});
