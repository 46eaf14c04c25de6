import {
  formatLondonDateTime,
  isEndOfLondonDay,
  londonDate,
  londonDateTimeToTheMinute,
  longLondonDateTime,
  parseLondonDateAndTime,
  parseLondonDateTime,
} from './london-time';

describe('London time', () => {
  it('reads a wall-clock time in GMT (winter) and BST (summer)', () => {
    expect(parseLondonDateTime('2026-01-15T09:00')?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(parseLondonDateTime('2026-07-15T09:00')?.toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('closes "on" a day at 23:59:59 London time, on both days the clocks change', () => {
    // Last Sunday of March 2026 (29th): BST from 01:00 GMT, so 23:59:59 BST is 22:59:59 UTC.
    expect(parseLondonDateTime('2026-03-29', 'end')?.toISOString()).toBe(
      '2026-03-29T22:59:59.000Z',
    );
    // Last Sunday of October 2026 (25th): GMT again from 02:00 BST, so 23:59:59 is 23:59:59 UTC.
    expect(parseLondonDateTime('2026-10-25', 'end')?.toISOString()).toBe(
      '2026-10-25T23:59:59.000Z',
    );
    expect(parseLondonDateTime('2026-03-29T23:59')?.toISOString()).toBe('2026-03-29T22:59:00.000Z');
    expect(parseLondonDateTime('2026-10-25T23:59')?.toISOString()).toBe('2026-10-25T23:59:00.000Z');
    expect(parseLondonDateTime('2026-03-31', 'start')?.toISOString()).toBe(
      '2026-03-30T23:00:00.000Z',
    );
    expect(isEndOfLondonDay(new Date('2026-03-29T22:59:59Z'))).toBe(true);
    expect(isEndOfLondonDay(new Date('2026-03-29T23:59:59Z'))).toBe(false);
  });

  it('handles the hours the clocks change', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST. 00:30 is GMT, 03:00 is BST, 01:30 never happens.
    expect(parseLondonDateTime('2026-03-29T00:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(parseLondonDateTime('2026-03-29T03:00')?.toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(parseLondonDateTime('2026-03-29T01:30')).toBeNull();
    expect(parseLondonDateTime('2026-10-25T03:00')?.toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('takes an explicit offset as it is, and refuses anything else', () => {
    expect(parseLondonDateTime('2026-07-15T09:00:00Z')?.toISOString()).toBe(
      '2026-07-15T09:00:00.000Z',
    );
    expect(parseLondonDateTime('2026-07-15T09:00+02:00')?.toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
    for (const bad of ['', 'tomorrow', '2026-13-01T09:00', '2026-02-30', '31/03/2026', '2026-3-1'])
      expect(parseLondonDateTime(bad)).toBeNull();
  });

  it('formats an instant in London', () => {
    expect(formatLondonDateTime(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16T00:30');
    expect(formatLondonDateTime(new Date('2026-03-29T22:59:59Z'))).toBe('2026-03-29T23:59:59');
    expect(londonDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(longLondonDateTime(new Date('2026-03-29T22:59:59Z'))).toBe('29 March 2026 at 11:59pm');
    expect(longLondonDateTime(new Date('2026-01-15T00:05:00Z'))).toBe('15 January 2026 at 12:05am');
  });

  it('reads a date and time for a poll, never a bare date', () => {
    expect(parseLondonDateAndTime('2026-01-15T09:00')?.toISOString()).toBe(
      '2026-01-15T09:00:00.000Z',
    );
    expect(parseLondonDateAndTime('2026-07-15T09:00')?.toISOString()).toBe(
      '2026-07-15T08:00:00.000Z',
    );
    expect(parseLondonDateAndTime('2026-03-29T01:30')).toBeNull();
    expect(parseLondonDateAndTime('2026-07-15T09:00+02:00')?.toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
    for (const bad of ['', 'tomorrow', '2026-13-01T09:00', '2026-02-30T09:00', '2026-07-15'])
      expect(parseLondonDateAndTime(bad)).toBeNull();
  });

  it('formats an instant in London to the minute', () => {
    expect(londonDateTimeToTheMinute(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16T00:30');
    expect(londonDateTimeToTheMinute(new Date('2026-03-29T22:59:59Z'))).toBe('2026-03-29T23:59');
    expect(londonDate(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
  });
});
