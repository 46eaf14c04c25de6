/**
 * Poll times are entered and shown in Europe/London (GMT in winter, BST in summer) and stored as
 * instants. Intl knows the zone's rules, so no time-zone library is needed.
 */
export const LONDON = 'Europe/London';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Wall-clock fields of an instant in London. */
function londonFields(instant: number): number[] {
  const parts = Object.fromEntries(
    partsFormatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
}

/** London's offset from UTC at an instant, in milliseconds (0 or 3,600,000). */
function londonOffset(instant: number): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = londonFields(instant);
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(instant / 1000) * 1000;
}

/**
 * Reads an ISO date-time. With an offset ("Z", "+01:00") it is that instant; without one
 * ("2026-03-29T09:00") it is a London wall-clock time. Null when it is neither, or names a London
 * time that does not exist (the hour skipped when the clocks go forward).
 */
export function parseLondonDateTime(text: string): Date | null {
  if (WITH_OFFSET.test(text)) {
    const instant = Date.parse(text);
    return Number.isNaN(instant) ? null : new Date(instant);
  }
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((v) => Number(v ?? 0));
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  // Two passes settle the offset on both sides of a clock change.
  let instant = wall - londonOffset(wall);
  instant = wall - londonOffset(instant);
  const back = londonFields(instant);
  const wanted = [y, mo, d, h, mi, s];
  return back.every((v, i) => v === wanted[i]) ? new Date(instant) : null;
}

/** "2026-03-29T09:00" in London for an instant: the value of a datetime-local field. */
export function formatLondonDateTime(instant: Date): string {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = londonFields(instant.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}`;
}

/** The London calendar date of an instant, "2026-03-29". */
export function londonDate(instant: Date): string {
  return formatLondonDateTime(instant).slice(0, 10);
}
