import { createProgressStore, surveyProgressTag, type SavedProgress } from './saved-progress';

const TAG = surveyProgressTag('wave-2026', 'health-check@1');
const progress: SavedProgress = {
  tag: TAG,
  answers: { d1: 4, role: 'practitioner', tags: ['a', 'b'] },
  pageNo: 2,
};

describe('progress store', () => {
  it('keeps answers, page and a pending attempt per link code', () => {
    const store = createProgressStore(window.localStorage);
    const pending = { submissionId: '7d3f0a52-65a4-4c40-9a0e-8f1b2c3d4e5f', answers: { d1: 4 } };
    store.save('code-a', { ...progress, pending });

    expect(store.load('code-a', TAG)).toEqual({ ...progress, pending });
    expect(store.load('code-b', TAG)).toBeUndefined();
  });

  it('throws away progress from another wave or instrument version', () => {
    const store = createProgressStore(window.localStorage);
    store.save('code-a', progress);

    expect(store.load('code-a', surveyProgressTag('wave-2027', 'health-check@1'))).toBeUndefined();
    // ...and it is gone, so an old answer can never be sent with the new wave
    expect(window.localStorage.getItem('swhc:survey:code-a')).toBeNull();
  });

  it('ignores stored values it does not understand', () => {
    const store = createProgressStore(window.localStorage);
    window.localStorage.setItem('swhc:survey:x', '{not json');
    window.localStorage.setItem(
      'swhc:survey:y',
      JSON.stringify({ v: 2, ...progress, answers: { d1: { nested: true } } }),
    );

    expect(store.load('x', TAG)).toBeUndefined();
    expect(store.load('y', TAG)).toBeUndefined();
  });

  it('still reads what the release before saved (version 1: wave and instrument)', () => {
    const store = createProgressStore(window.localStorage);
    const pending = { submissionId: '7d3f0a52-65a4-4c40-9a0e-8f1b2c3d4e5f', answers: { d1: 4 } };
    window.localStorage.setItem(
      'swhc:survey:old',
      JSON.stringify({
        v: 1,
        waveId: 'wave-2026',
        instrument: 'health-check@1',
        answers: { d1: 4 },
        pageNo: 1,
        pending,
      }),
    );
    expect(store.load('old', TAG)).toEqual({ tag: TAG, answers: { d1: 4 }, pageNo: 1, pending });
  });

  it('keeps kinds of survey apart by namespace', () => {
    const surveys = createProgressStore(window.localStorage);
    const polls = createProgressStore(window.localStorage, 'poll');
    surveys.save('same-key', progress);
    expect(polls.load('same-key', TAG)).toBeUndefined();
    polls.save('same-key', { ...progress, answers: { q: 1 } });
    expect(window.localStorage.getItem('swhc:poll:same-key')).toContain('"q":1');
    expect(surveys.load('same-key', TAG)?.answers).toEqual(progress.answers);
  });

  it('forgets answers once their closing time has passed, on load and in a sweep', () => {
    let now = Date.parse('2027-03-31T22:00:00Z');
    const store = createProgressStore(window.localStorage, 'survey', () => now);
    const expiresAt = '2027-03-31T22:59:59.999Z';
    store.save('code-a', { ...progress, expiresAt });
    store.save('code-b', { ...progress, expiresAt });
    store.sweepExpired();
    expect(store.load('code-a', TAG)).toEqual({ ...progress, expiresAt });

    now = Date.parse('2027-03-31T23:00:00Z');
    expect(store.load('code-a', TAG)).toBeUndefined();
    store.sweepExpired();
    expect(window.localStorage.getItem('swhc:survey:code-b')).toBeNull();
  });

  it('clears a link code', () => {
    const store = createProgressStore(window.localStorage);
    store.save('code-a', progress);
    store.clear('code-a');
    expect(store.load('code-a', TAG)).toBeUndefined();
  });

  it('keeps the survey working when storage is unavailable', () => {
    const broken = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    const store = createProgressStore(broken);

    expect(() => store.save('code-a', progress)).not.toThrow();
    expect(store.load('code-a', TAG)).toBeUndefined();
    expect(() => store.clear('code-a')).not.toThrow();
  });
});
