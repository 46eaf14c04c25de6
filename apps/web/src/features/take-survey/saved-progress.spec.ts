import { createProgressStore, type SavedProgress } from './saved-progress';

const progress: SavedProgress = {
  waveId: 'wave-2026',
  instrument: 'health-check@1',
  answers: { d1: 4, role: 'practitioner', tags: ['a', 'b'] },
  pageNo: 2,
};

describe('progress store', () => {
  it('keeps answers, page and a pending attempt per link code', () => {
    const store = createProgressStore(window.localStorage);
    const pending = { submissionId: '7d3f0a52-65a4-4c40-9a0e-8f1b2c3d4e5f', answers: { d1: 4 } };
    store.save('code-a', { ...progress, pending });

    expect(store.load('code-a', 'wave-2026', 'health-check@1')).toEqual({ ...progress, pending });
    expect(store.load('code-b', 'wave-2026', 'health-check@1')).toBeUndefined();
  });

  it('throws away progress from another wave or instrument version', () => {
    const store = createProgressStore(window.localStorage);
    store.save('code-a', progress);

    expect(store.load('code-a', 'wave-2027', 'health-check@1')).toBeUndefined();
    // ...and it is gone, so an old answer can never be sent with the new wave
    expect(window.localStorage.getItem('swhc:survey:code-a')).toBeNull();
  });

  it('ignores stored values it does not understand', () => {
    const store = createProgressStore(window.localStorage);
    window.localStorage.setItem('swhc:survey:x', '{not json');
    window.localStorage.setItem(
      'swhc:survey:y',
      JSON.stringify({ v: 1, ...progress, answers: { d1: { nested: true } } }),
    );

    expect(store.load('x', 'wave-2026', 'health-check@1')).toBeUndefined();
    expect(store.load('y', 'wave-2026', 'health-check@1')).toBeUndefined();
  });

  it('clears a link code', () => {
    const store = createProgressStore(window.localStorage);
    store.save('code-a', progress);
    store.clear('code-a');
    expect(store.load('code-a', 'wave-2026', 'health-check@1')).toBeUndefined();
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
    expect(store.load('code-a', 'wave-2026', 'health-check@1')).toBeUndefined();
    expect(() => store.clear('code-a')).not.toThrow();
  });
});
