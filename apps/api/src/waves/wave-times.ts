import { type DayEnd, type FieldError, parseLondonDateTime } from '@swhc/contracts';

const FORMAT =
  'must be a London date (2026-03-31), date and time (2026-03-31T17:00) or an ISO instant';

/** Reads an opening or closing time as entered (London time); a problem names the field. */
export function readWaveTime(
  value: string,
  field: 'opensAt' | 'closesAt',
  errors: FieldError[],
): Date | null {
  const dayEnd: DayEnd = field === 'opensAt' ? 'start' : 'end';
  const parsed = parseLondonDateTime(value.trim(), dayEnd);
  if (!parsed) {
    errors.push({
      field,
      message: /^\d{4}-\d{2}-\d{2}T0?[12]:/.test(value)
        ? `${FORMAT}; that time does not exist in London (the clocks go forward)`
        : FORMAT,
    });
  }
  return parsed;
}

/** The rules every wave's times keep: it closes after it opens, and in the future. */
export function checkWaveTimes(
  opensAt: Date,
  closesAt: Date,
  now: Date,
  errors: FieldError[],
): void {
  if (closesAt <= opensAt)
    errors.push({ field: 'closesAt', message: 'must be after the opening time' });
  else if (closesAt <= now) errors.push({ field: 'closesAt', message: 'must be in the future' });
}
