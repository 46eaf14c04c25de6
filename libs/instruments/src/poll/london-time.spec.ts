import { formatLondonDateTime, londonDate, parseLondonDateTime } from './london-time';

describe('London time', () => {
  it('reads a wall-clock time in GMT (winter) and BST (summer)', () => {
    expect(parseLondonDateTime('2026-01-15T09:00')?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(parseLondonDateTime('2026-07-15T09:00')?.toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST. 00:30 is GMT, 03:00 is BST, 01:30 never happens.
    expect(parseLondonDateTime('2026-03-29T00:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(parseLondonDateTime('2026-03-29T03:00')?.toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(parseLondonDateTime('2026-03-29T01:30')).toBeNull();
    // 25 October 2026: 02:00 BST becomes 01:00 GMT; 03:00 is GMT.
    expect(parseLondonDateTime('2026-10-25T03:00')?.toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('takes an explicit offset as it is, and refuses anything else', () => {
    expect(parseLondonDateTime('2026-07-15T09:00:00Z')?.toISOString()).toBe(
      '2026-07-15T09:00:00.000Z',
    );
    expect(parseLondonDateTime('2026-07-15T09:00+02:00')?.toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
    for (const bad of ['', 'tomorrow', '2026-13-01T09:00', '2026-02-30T09:00', '2026-07-15']) {
      expect(parseLondonDateTime(bad)).toBeNull();
    }
  });

  it('formats an instant as a London wall-clock time and date', () => {
    expect(formatLondonDateTime(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16T00:30');
    expect(londonDate(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
    expect(londonDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
  });
});
