import { pollStatus, reminderTime } from './poll-timing';

const at = (iso: string) => new Date(iso);

describe('poll timing', () => {
  it('reminds two days before closing, but never in the first half of the poll', () => {
    expect(reminderTime(at('2026-03-02T09:00Z'), at('2026-03-13T17:00Z')).toISOString()).toBe(
      '2026-03-11T17:00:00.000Z',
    );
    expect(reminderTime(at('2026-03-02T09:00Z'), at('2026-03-04T09:00Z')).toISOString()).toBe(
      '2026-03-03T09:00:00.000Z',
    );
  });

  it('is scheduled, open, then closed at the exact instants', () => {
    const poll = { opensAt: at('2026-03-02T09:00Z'), closesAt: at('2026-03-13T17:00Z') };
    expect(pollStatus(poll, at('2026-03-02T08:59:59Z'))).toBe('scheduled');
    expect(pollStatus(poll, at('2026-03-02T09:00Z'))).toBe('open');
    expect(pollStatus(poll, at('2026-03-13T17:00Z'))).toBe('closed');
  });
});
