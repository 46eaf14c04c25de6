import type { Answers } from '@swhc/contracts';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FastSurveyForm } from './fast-survey-form';
import { nativeFirstPage } from './first-page/first-page';
import { NativeFirstPageForm } from './first-page/native-first-page';

const scale = [1, 2, 3].map((value) => ({ value, text: `Option ${value}` }));
const twoPages = {
  title: 'Health Check',
  showQuestionNumbers: 'off',
  pages: [
    {
      name: 'p1',
      title: 'Your work',
      elements: [
        { type: 'radiogroup', name: 'd1', title: 'First', isRequired: true, choices: scale },
        { type: 'radiogroup', name: 'd2', title: 'Second', choices: scale },
      ],
    },
    {
      name: 'p2',
      title: 'Your team',
      elements: [{ type: 'radiogroup', name: 'd3', title: 'Third', choices: scale }],
    },
  ],
};
const onePage = {
  title: 'Poll',
  showQuestionNumbers: 'off',
  completeText: 'Send my answers',
  pages: [
    {
      name: 'poll',
      elements: [{ type: 'rating', name: 'mood', title: 'Mood', isRequired: true, rateMax: 3 }],
    },
  ],
};

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function render(json: Record<string, unknown>, initialAnswers?: Answers) {
  const onProgress = vi.fn<(answers: Answers, pageNo: number) => void>();
  const onComplete = vi.fn<(answers: Answers) => void>();
  const container = mount(
    <FastSurveyForm
      json={json}
      initialAnswers={initialAnswers}
      onProgress={onProgress}
      onComplete={onComplete}
      loadingText="Loading the survey…"
    />,
  );
  return { container, onProgress, onComplete };
}

/** Renders `element` into a new container on the page (unmounted after each test). */
function mount(element: ReactElement): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    root = createRoot(container);
    root.render(element);
  });
  return container;
}

async function waitFor<T>(probe: () => T | null | undefined | false): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > 15_000) throw new Error('waitFor timed out');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

const labelled = (container: HTMLElement, text: string) =>
  [...container.querySelectorAll('label')].find((l) => l.textContent === text)?.control ?? null;
const button = (container: HTMLElement, text: string) =>
  [...container.querySelectorAll<HTMLElement>('button, input[type=button]')].find(
    (b) => (b.textContent || (b as HTMLInputElement).value).trim() === text,
  );

describe('FastSurveyForm', () => {
  it('shows the first page natively at once, checks "required" from the JSON, and hands the answers to SurveyJS at page 2', async () => {
    const { container, onProgress } = render(twoPages);
    const form = container.querySelector('.app-first-page');
    expect(form?.querySelector('h1')?.textContent).toBe('Health Check');
    expect(form?.textContent).toContain('Page 1 of 2');
    expect(form?.textContent).toContain('Second (optional)');

    act(() => button(container, 'Continue')?.click());
    const summary = container.querySelector('.app-error-summary');
    expect(summary?.textContent).toContain('Select an answer – First');
    expect(summary?.textContent).not.toContain('Second');
    expect(document.activeElement).toBe(summary);
    // The summary's link leads to the first option of the question.
    expect(summary?.querySelector('a')?.getAttribute('href')).toBe(
      `#${labelled(container, 'Option 1')?.id}`,
    );

    act(() => (labelled(container, 'Option 2') as HTMLInputElement).click());
    expect(onProgress).toHaveBeenLastCalledWith({ d1: 2 }, 0);
    act(() => button(container, 'Continue')?.click());
    // The page stays native until "Continue", however soon SurveyJS arrives; then SurveyJS
    // shows page 2 and holds the answer (a number, as SurveyJS stores it).
    expect(onProgress).toHaveBeenLastCalledWith({ d1: 2 }, 1);
    await waitFor(() => container.querySelector('.sd-page [data-name="d3"]'));
    expect(container.querySelector('.app-first-page')).toBeNull();
    act(() => button(container, 'Previous page')?.click());
    const kept = await waitFor(() =>
      container.querySelector<HTMLInputElement>('input[type=radio][name^="d1_"][value="2"]'),
    );
    expect(kept.checked).toBe(true);
  });

  it('starts with SurveyJS once it has loaded (here: by the test above)', () => {
    const { container } = render(twoPages);
    expect(container.querySelector('.app-first-page')).toBeNull();
    expect(container.querySelector('.sd-page [data-name="d1"]')).not.toBeNull();
  });
});

describe('NativeFirstPageForm', () => {
  function renderNative(json: Record<string, unknown>, initialAnswers?: Answers) {
    const page = nativeFirstPage(json);
    if (!page) throw new Error('expected a native page');
    const onDone = vi.fn<(answers: Answers) => void>();
    const container = mount(
      <NativeFirstPageForm
        page={page}
        initialAnswers={initialAnswers}
        onInteract={() => undefined}
        onProgress={() => undefined}
        onDone={onDone}
      />,
    );
    return { container, onDone };
  }

  it('sends a one-page survey with its own button, the rating as a number', () => {
    const { container, onDone } = renderNative(onePage);
    act(() => (labelled(container, '3') as HTMLInputElement).click());
    act(() => button(container, 'Send my answers')?.click());
    expect(onDone).toHaveBeenCalledWith({ mood: 3 });
  });

  it('starts from the answers saved on this device', () => {
    const { container } = renderNative(twoPages, { d1: 3 });
    expect((labelled(container, 'Option 3') as HTMLInputElement).checked).toBe(true);
  });
});
