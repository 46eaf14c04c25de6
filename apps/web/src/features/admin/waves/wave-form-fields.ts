import {
  type CreateWaveRequest,
  formatLondonDateTime,
  isServiceKind,
  londonDate,
  londonTime,
  type ServiceKind,
  type WaveView,
} from '@swhc/contracts';
import { textOf } from '../../../app/form-fields';
import { type DateTimeParts, EMPTY_DATE_TIME } from '../../../ui';

export type WaveField = 'name' | 'instrumentId' | 'services' | 'opensAt' | 'closesAt';
export type WaveFieldErrors = Partial<Record<WaveField, string>>;
export const WAVE_FIELD_ORDER: WaveField[] = [
  'name',
  'instrumentId',
  'services',
  'opensAt',
  'closesAt',
];

/** Where an error summary link for each field sends focus. */
export const fieldTarget = (field: WaveField) =>
  field === 'opensAt' || field === 'closesAt' ? `${field}-day` : field;

/** The form's values as the page keeps them. */
export interface WaveFormValues {
  name: string;
  instrumentId: string;
  services: ServiceKind[];
  opensAt: DateTimeParts;
  closesAt: DateTimeParts;
}

export const NEW_WAVE: WaveFormValues = {
  name: '',
  instrumentId: '',
  services: ['children', 'adults'],
  opensAt: EMPTY_DATE_TIME,
  closesAt: EMPTY_DATE_TIME,
};

/** A wave's values, as the form shows them in London time (a day's start or end as the day alone). */
export function formValuesOf(wave: WaveView): WaveFormValues {
  const parts = (iso: string, blankTime: string): DateTimeParts => {
    const instant = new Date(iso);
    const [year = '', month = '', day = ''] = londonDate(instant).split('-');
    const time = londonTime(instant);
    return {
      day: String(Number(day)),
      month: String(Number(month)),
      year,
      time: time === blankTime ? '' : formatLondonDateTime(instant).slice(11, 16),
    };
  };
  return {
    name: wave.name,
    instrumentId: wave.instrument.id,
    services: wave.services,
    opensAt: parts(wave.opensAt, '00:00'),
    closesAt: parts(wave.closesAt, '23:59:59'),
  };
}

function partsOf(form: FormData, id: string): DateTimeParts {
  return {
    day: textOf(form, `${id}-day`),
    month: textOf(form, `${id}-month`),
    year: textOf(form, `${id}-year`),
    time: textOf(form, `${id}-time`),
  };
}

export function readWaveForm(form: FormData): WaveFormValues {
  return {
    name: textOf(form, 'name'),
    instrumentId: textOf(form, 'instrumentId'),
    services: form.getAll('services').map(String).filter(isServiceKind),
    opensAt: partsOf(form, 'opensAt'),
    closesAt: partsOf(form, 'closesAt'),
  };
}

const LABELS: Record<'opensAt' | 'closesAt', string> = {
  opensAt: 'Opening date',
  closesAt: 'Closing date',
};

/**
 * "2026-03-31" or "2026-03-31T17:00" for the api (which reads it in London time), or the GOV.UK
 * message saying what is wrong.
 */
export function dateTimeText(
  parts: DateTimeParts,
  field: 'opensAt' | 'closesAt',
): { text: string } | { error: string } {
  const label = LABELS[field];
  const [d, m, y] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!d && !m && !y) return { error: `Enter the ${label.toLowerCase()}` };
  if (!d || !m || !y)
    return {
      error: `${label} must include a ${[!d && 'day', !m && 'month', !y && 'year'].filter(Boolean).join(' and ')}`,
    };
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const real = new Date(Date.UTC(year, month - 1, day));
  if (
    !/^\d{1,2}$/.test(d) ||
    !/^\d{1,2}$/.test(m) ||
    !/^\d{4}$/.test(y) ||
    real.getUTCDate() !== day ||
    real.getUTCMonth() !== month - 1
  )
    return { error: `${label} must be a real date` };
  const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const time = parts.time.trim();
  if (time === '') return { text: date };
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(time);
  if (!match) return { error: `${label}: enter the time as hours and minutes, like 17:00` };
  return { text: `${date}T${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` };
}

/** Checks the whole form; the request to send when it is valid. */
export function validateWaveForm(
  values: WaveFormValues,
  fields: readonly WaveField[] = WAVE_FIELD_ORDER,
): { errors: WaveFieldErrors; request: Partial<CreateWaveRequest> } {
  const errors: WaveFieldErrors = {};
  const request: Partial<CreateWaveRequest> = {};
  if (fields.includes('name')) {
    if (values.name.trim() === '') errors.name = 'Enter a name for the wave';
    else request.name = values.name.trim();
  }
  if (fields.includes('instrumentId')) {
    if (!values.instrumentId) errors.instrumentId = 'Select the questionnaire version';
    else request.instrumentId = values.instrumentId;
  }
  if (fields.includes('services')) {
    if (values.services.length === 0) errors.services = 'Select the services this wave is for';
    else request.services = values.services;
  }
  for (const field of ['opensAt', 'closesAt'] as const) {
    if (!fields.includes(field)) continue;
    const result = dateTimeText(values[field], field);
    if ('error' in result) errors[field] = result.error;
    else request[field] = result.text;
  }
  return { errors, request };
}

/** The api's field messages in GOV.UK words. */
export function apiFieldMessage(field: WaveField, message: string): string {
  const names: Record<WaveField, string> = {
    name: 'Name',
    instrumentId: 'Questionnaire version',
    services: 'Services',
    opensAt: 'Opening date',
    closesAt: 'Closing date',
  };
  if (field === 'closesAt' && message === 'must be in the future')
    return 'Closing date must be in the future';
  if (field === 'closesAt' && message === 'must be after the opening time')
    return 'Closing date must be after the opening date';
  if (field === 'name' && /already the name/.test(message))
    return 'There is already a wave with this name';
  return `${names[field]} ${message}`;
}
