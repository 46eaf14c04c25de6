/**
 * Waves open and close at times entered and shown in Europe/London (GMT in winter, BST in summer)
 * and stored as instants. Intl knows the zone's rules, so no time-zone library is needed. Shared
 * by the api (to read what an admin typed) and the web (to show and prefill it).
 */
export const LONDON = 'Europe/London';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
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

/** Wall-clock fields of an instant in London: year, month, day, hour, minute, second. */
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

/** The instant of a London wall-clock time, or null when London never shows it (clocks forward). */
function fromLondonWallClock(fields: readonly number[]): Date | null {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = fields;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two passes settle the offset on both sides of a clock change.
  let instant = wall - londonOffset(wall);
  instant = wall - londonOffset(instant);
  const back = londonFields(instant);
  return back.every((v, i) => v === fields[i]) ? new Date(instant) : null;
}

/** Which end of a day a bare date means: an opening starts it, a closing ends it. */
export type DayEnd = 'start' | 'end';

/**
 * Reads a date with a time of day, never a bare date (a poll opens and closes at a stated time):
 * - "2026-03-31T09:00" (or with seconds) — a London wall-clock time;
 * - "2026-03-31T08:00:00Z" or with an offset — that instant.
 * Null when it is neither, or names a London time that does not exist (the hour skipped when the
 * clocks go forward).
 */
export function parseLondonDateAndTime(text: string): Date | null {
  if (WITH_OFFSET.test(text)) {
    const instant = Date.parse(text);
    return Number.isNaN(instant) ? null : new Date(instant);
  }
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return null;
  return fromLondonWallClock(match.slice(1).map((v) => Number(v ?? 0)));
}

/**
 * Reads a date-time as an admin or operator writes it: what `parseLondonDateAndTime` reads, or
 * "2026-03-31" — a London day: its first second (`start`) or its last, 23:59:59 (`end`), whatever
 * the offset that day, so a wave that closes "on 31 March" closes at 23:59:59 London time.
 * Null when it is none of these, or names a London time that does not exist.
 */
export function parseLondonDateTime(text: string, dayEnd: DayEnd = 'start'): Date | null {
  const date = DATE.exec(text);
  if (!date) return parseLondonDateAndTime(text);
  const [y = 0, mo = 0, d = 0] = date.slice(1).map(Number);
  return fromLondonWallClock(dayEnd === 'start' ? [y, mo, d, 0, 0, 0] : [y, mo, d, 23, 59, 59]);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-03-29T09:00" (seconds when not 0) in London for an instant. */
export function formatLondonDateTime(instant: Date): string {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = londonFields(instant.getTime());
  return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${s === 0 ? '' : `:${two(s)}`}`;
}

/** "2026-03-29T09:00" in London, to the minute: the value of a datetime-local field. */
export function londonDateTimeToTheMinute(instant: Date): string {
  return formatLondonDateTime(instant).slice(0, 16);
}

/** The London calendar date of an instant, "2026-03-29". */
export function londonDate(instant: Date): string {
  return formatLondonDateTime(instant).slice(0, 10);
}

/** The London wall-clock time of an instant, "23:59:59" or "09:00" when the seconds are 0. */
export function londonTime(instant: Date): string {
  return formatLondonDateTime(instant).slice(11);
}

/** Whether an instant is the last second of its London day (a wave that closes "on" that day). */
export function isEndOfLondonDay(instant: Date): boolean {
  return londonTime(instant) === '23:59:59';
}

const longFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** "31 March 2026" in London. */
export function longLondonDate(instant: Date): string {
  return longFormatter.format(instant);
}

/**
 * "31 March 2026 at 11:59pm" in London (GOV.UK style: 12-hour, lower-case am/pm, "midday" and
 * "midnight" avoided by showing the minute).
 */
export function longLondonDateTime(instant: Date): string {
  const time = timeFormatter.format(instant).replace(/\s/g, '').replace(/^0:/, '12:').toLowerCase();
  return `${longLondonDate(instant)} at ${time}`;
}
