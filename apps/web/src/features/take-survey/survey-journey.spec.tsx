import type { SurveyDefinitionResponse } from '@swhc/contracts';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { SendResponseResult } from '../../api';
import { createProgressStore } from '../../survey/answering';
import { SurveyJourney } from './survey-journey';
import ThankYouPage from './thank-you-page';

const scale = [1, 2, 3, 4, 5].map((value) => ({ value, text: `Option ${value}` }));
const definition: SurveyDefinitionResponse = {
  code: 'demo-e06000001-children',
  wave: {
    id: 'wave-2026',
    name: 'Health Check 2026',
    opensAt: '2026-01-01',
    closesAt: '2026-12-31',
  },
  organisation: { gssCode: 'E06000001', name: 'Hartlepool' },
  service: 'children',
  instrument: { key: 'health-check', version: 1 },
  survey: {
    title: 'Health Check 2026',
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'radiogroup', name: 'd1', title: 'First', isRequired: true, choices: scale },
        ],
      },
      {
        name: 'p2',
        elements: [
          { type: 'radiogroup', name: 'd2', title: 'Second', isRequired: true, choices: scale },
        ],
      },
    ],
  },
};
const code = definition.code;
const storageKey = `swhc:survey:${code}`;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function renderJourney(
  send: (
    code: string,
    request: { submissionId: string; answers: Record<string, unknown> },
  ) => Promise<SendResponseResult>,
) {
  const router = createMemoryRouter(
    [
      {
        path: '/s/:code',
        element: (
          <SurveyJourney
            code={code}
            definition={definition}
            store={createProgressStore(window.localStorage)}
            send={send}
          />
        ),
      },
      { path: '/s/:code/thank-you', element: <ThankYouPage /> },
    ],
    { initialEntries: [`/s/${code}`] },
  );
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    root = createRoot(container);
    root.render(<RouterProvider router={router} />);
  });
  return container;
}

async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 4000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) {
      const shown = [...document.body.querySelectorAll('h1, h2, h3, p, li, button')].map(
        (e) => e.textContent,
      );
      throw new Error(`waitFor timed out; page shows: ${shown.join(' | ')}`);
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

const radio = (container: HTMLElement, name: string, value: number) =>
  container.querySelector<HTMLInputElement>(
    `input[type=radio][name^="${name}_"][value="${value}"]`,
  );
const button = (container: HTMLElement, text: string) =>
  [...container.querySelectorAll<HTMLButtonElement>('button, input[type=button]')].find(
    (b) => (b.textContent || (b as unknown as HTMLInputElement).value).trim() === text,
  );
const saved = () =>
  JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as Record<string, unknown> | null;

/** Saved progress on page 1 with a send under way, as an earlier visit would have left it. */
const storeSavedAttempt = (
  answers: Record<string, number>,
  pending: { submissionId: string; answers: Record<string, number> },
) =>
  window.localStorage.setItem(
    storageKey,
    JSON.stringify({
      v: 1,
      waveId: 'wave-2026',
      instrument: 'health-check@1',
      answers,
      pageNo: 1,
      pending,
    }),
  );

describe('SurveyJourney', () => {
  it('keeps answers and page as the person goes, sends once however often Send is pressed, then forgets them', async () => {
    let resolveSend: (result: SendResponseResult) => void = () => undefined;
    const send = vi.fn(() => new Promise<SendResponseResult>((resolve) => (resolveSend = resolve)));
    const container = renderJourney(send);

    const first = await waitFor(() => radio(container, 'd1', 4));
    act(() => first.click());
    expect(saved()).toMatchObject({ answers: { d1: 4 }, pageNo: 0 });

    act(() => button(container, 'Continue')?.click());
    const second = await waitFor(() => radio(container, 'd2', 2));
    expect(saved()).toMatchObject({ answers: { d1: 4 }, pageNo: 1 });
    act(() => second.click());

    const sendButton = await waitFor(() => button(container, 'Send answers'));
    act(() => {
      sendButton.click();
      sendButton.click();
    });
    await waitFor(() => send.mock.calls.length > 0);
    act(() => sendButton.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(send).toHaveBeenCalledTimes(1);
    const [sentCode, request] = send.mock.calls[0] as unknown as [
      string,
      { submissionId: string; answers: unknown },
    ];
    expect(sentCode).toBe(code);
    expect(request.answers).toEqual({ d1: 4, d2: 2 });
    expect(request.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    // The attempt is stored with its id, so a reload resends the same submission.
    expect(saved()).toMatchObject({
      pending: { submissionId: request.submissionId, answers: { d1: 4, d2: 2 } },
    });
    expect(container.textContent).toContain('Sending your answers');

    act(() => resolveSend({ kind: 'accepted', receipt: { submissionId: request.submissionId } }));
    await waitFor(() => container.textContent?.includes('Your answers have been sent'));
    expect(saved()).toBeNull();
  });

  it('resumes an attempt found in storage with the same id and answers, retrying until acknowledged', async () => {
    const pending = {
      submissionId: '5b0e8a4c-2d1f-4b3a-9e8d-7c6b5a4f3e2d',
      answers: { d1: 1, d2: 5 },
    };
    storeSavedAttempt({ d1: 1 }, pending);
    const results: SendResponseResult[] = [
      { kind: 'retryable', status: 503 },
      { kind: 'accepted', receipt: { submissionId: pending.submissionId } },
    ];
    const send = vi.fn(() => Promise.resolve(results.shift() ?? { kind: 'retryable' as const }));
    const container = renderJourney(send);

    await waitFor(() =>
      container.textContent?.includes('We’re trying to send your answers… don’t close this page.'),
    );
    expect(container.querySelector('[role=status]')?.textContent).toContain(
      'don’t close this page',
    );

    // "Try again now" skips the rest of the backoff.
    act(() => button(container, 'Try again now')?.click());
    await waitFor(() => container.textContent?.includes('Your answers have been sent'));
    expect(send).toHaveBeenCalledTimes(2);
    for (const [, request] of send.mock.calls as unknown as [string, unknown][])
      expect(request).toEqual(pending);
    expect(saved()).toBeNull();
  });

  it('shows the server’s field errors and starts a new attempt after a 400', async () => {
    const results: SendResponseResult[] = [
      {
        kind: 'invalid',
        message: 'Some answers are not valid',
        errors: [{ field: 'answers.d1', message: 'Choose one of the options' }],
      },
      { kind: 'accepted', receipt: { submissionId: 'x' } },
    ];
    const send = vi.fn((_code: string, _request: { submissionId: string }) =>
      Promise.resolve(results.shift() ?? { kind: 'retryable' as const }),
    );
    const container = renderJourney(send);

    act(() => radio(container, 'd1', 3)?.click());
    const first = await waitFor(() => radio(container, 'd1', 3));
    act(() => first.click());
    act(() => button(container, 'Continue')?.click());
    const second = await waitFor(() => radio(container, 'd2', 3));
    act(() => second.click());
    act(() => button(container, 'Send answers')?.click());

    const summary = await waitFor(() => container.querySelector('.app-error-summary'));
    expect(summary.textContent).toContain('Choose one of the options – First');
    // The survey is back on the page of the question in error, with the message on the question.
    await waitFor(() =>
      container
        .querySelector('[data-name="d1"]')
        ?.textContent?.includes('Choose one of the options'),
    );
    expect(saved()?.['pending']).toBeUndefined();

    act(() => button(container, 'Continue')?.click());
    const sendAgain = await waitFor(() => button(container, 'Send answers'));
    act(() => sendAgain.click());
    await waitFor(() => container.textContent?.includes('Your answers have been sent'));
    const ids = send.mock.calls.map(([, request]) => request.submissionId);
    expect(new Set(ids).size).toBe(2);
  });
  const endings: [string, SendResponseResult, string][] = [
    [
      'conflict (409): already stored under this id, so it is not sent again under a new one',
      { kind: 'conflict' },
      'We already had your answers',
    ],
    [
      'closed (410): the wave closed meanwhile',
      { kind: 'closed', replaced: false },
      'This survey has closed',
    ],
    [
      'replaced (410 naming the code): the link was replaced meanwhile',
      { kind: 'closed', replaced: true },
      'Ask your principal social worker for the new link',
    ],
  ];
  it.each(endings)(
    'ends a resumed attempt on %s and forgets the answers',
    async (_, result, shown) => {
      const pending = {
        submissionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        answers: { d1: 2, d2: 2 },
      };
      storeSavedAttempt(pending.answers, pending);
      const send = vi.fn(() => Promise.resolve(result));
      const container = renderJourney(send);

      await waitFor(() => container.textContent?.includes(shown));
      expect(send).toHaveBeenCalledTimes(1);
      expect(saved()).toBeNull();
    },
  );
});
