import { isUuid, SERVICE_KINDS, SERVICE_NAMES, type WaveView } from '@swhc/contracts';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  Link,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
} from 'react-router';
import { changeWave, createWave, getWave, listInstruments } from '../../../api';
import { ActionForm } from '../../../app/action-form';
import { textOf } from '../../../app/form-fields';
import { redirectWithNotice } from '../../../app/notice';
import { notFound, requireStaff, sessionEnded, valueOf } from '../../../app/page-data';
import { pathParam } from '../../../app/route-params';
import {
  CheckboxesField,
  DateTimeField,
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorItems,
  RadioField,
  TextField,
  usePageTitle,
} from '../../../ui';
import { AdminNav } from '../admin-nav';
import {
  apiFieldMessage,
  fieldTarget,
  formValuesOf,
  NEW_WAVE,
  readWaveForm,
  validateWaveForm,
  WAVE_FIELD_ORDER,
  type WaveField,
  type WaveFieldErrors,
  type WaveFormValues,
} from './wave-form-fields';
import { waveTime } from './wave-words';

/** New (no :id) or an existing wave to change; an open wave may change only its closing time. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  const instruments = valueOf(await listInstruments(request.signal), request);
  if (params.id === undefined) return { instruments, wave: null };
  const id = pathParam(params, 'id', isUuid);
  if (id === null) throw notFound();
  const wave = valueOf(await getWave(id, request.signal), request);
  if (wave.state === 'closed') throw notFound();
  return { instruments, wave: wave as WaveView };
}

interface FormOutcome {
  readonly errors: WaveFieldErrors;
  readonly problem?: string;
  readonly values: WaveFormValues;
}

export async function action({
  params,
  request,
}: ActionFunctionArgs): Promise<FormOutcome | Response> {
  const form = await request.formData();
  const values = readWaveForm(form);
  const id = params.id;
  // An open wave's form has only the closing date.
  const open = textOf(form, 'open') === 'yes';
  const fields: WaveField[] = open ? ['closesAt'] : WAVE_FIELD_ORDER;
  const { errors, request: body } = validateWaveForm(values, fields);
  if (Object.keys(errors).length > 0) return { errors, values };
  const result =
    id === undefined
      ? await createWave({
          name: body.name ?? '',
          instrumentId: body.instrumentId ?? '',
          services: body.services ?? [],
          opensAt: body.opensAt ?? '',
          closesAt: body.closesAt ?? '',
        })
      : await changeWave(id, body);
  switch (result.kind) {
    case 'ok':
      return redirectWithNotice(
        `/admin/waves/${result.value.id}`,
        id === undefined
          ? `${result.value.name} created as a draft. Schedule it when it is ready: then local authorities can be enrolled.`
          : `${result.value.name} changed.`,
      );
    case 'signed-out':
      return sessionEnded(request);
    case 'refused': {
      const byField: WaveFieldErrors = {};
      for (const e of result.errors) {
        const field = WAVE_FIELD_ORDER.find((f) => f === e.field);
        if (field) byField[field] ??= apiFieldMessage(field, e.message);
      }
      return Object.keys(byField).length > 0
        ? { errors: byField, values }
        : { errors: {}, problem: result.message, values };
    }
    default:
      return {
        errors: {},
        problem:
          'Sorry, there is a problem with the service. Nothing was saved. Try again in a few minutes.',
        values,
      };
  }
}

const OPENING_HINT = 'London time. For example, 1 3 2027.';
const CLOSING_HINT =
  'London time. A wave that closes on a day takes answers until 11:59:59pm that day, in summer and winter alike.';

export function WaveFormPage() {
  const { instruments, wave } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const open = wave?.state === 'open';
  const [values, setValues] = useState<WaveFormValues>(
    () =>
      outcome?.values ??
      (wave ? formValuesOf(wave) : { ...NEW_WAVE, instrumentId: instruments[0]?.id ?? '' }),
  );
  const errors = outcome?.errors ?? {};
  const summary = useMemo((): ErrorSummaryItem[] => {
    const found = outcome?.errors ?? {};
    return [
      ...(outcome?.problem ? [{ text: outcome.problem }] : []),
      ...fieldErrorItems(WAVE_FIELD_ORDER, found, fieldTarget),
    ];
  }, [outcome]);
  const title = wave
    ? open
      ? `Change when ${wave.name} closes`
      : `Change ${wave.name}`
    : 'Create a wave';
  usePageTitle(title, summary.length > 0);
  const set =
    <K extends keyof WaveFormValues>(key: K) =>
    (value: WaveFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  return (
    <>
      <AdminNav />
      <div className="app-grid-two-thirds">
        <ErrorSummary items={summary} />
        <h1 className="app-heading-xl">{title}</h1>
        {open ? (
          <p className="app-body">
            {wave.name} is open. It opened on {waveTime(wave.opensAt)}. You can move its closing
            time later or earlier, but not into the past; nothing else can change now.
          </p>
        ) : null}
        <ActionForm label={title}>
          {open ? <input type="hidden" name="open" value="yes" /> : null}
          {open ? null : (
            <>
              <TextField
                id="name"
                label="Name"
                hint="People see it on the survey and in reports, for example Health Check 2027."
                value={values.name}
                onChange={set('name')}
                error={errors.name}
                width={30}
              />
              <RadioField
                id="instrumentId"
                legend="Questionnaire version"
                hint="Published versions never change. The newest is listed first."
                value={values.instrumentId}
                onChange={set('instrumentId')}
                error={errors.instrumentId}
                choices={instruments.map((i) => ({
                  value: i.id,
                  label: `${i.title}, version ${i.version}`,
                  hint: `${i.questions} questions; used by ${i.waves} ${i.waves === 1 ? 'wave' : 'waves'}`,
                }))}
              />
              <CheckboxesField
                id="services"
                legend="Services"
                hint="Select all that apply."
                choices={SERVICE_KINDS.map((s) => ({ value: s, label: SERVICE_NAMES[s] }))}
                values={values.services}
                onChange={(v) => set('services')(v as WaveFormValues['services'])}
                error={errors.services}
              />
              <DateTimeField
                id="opensAt"
                legend="Opening date"
                hint={OPENING_HINT}
                timeHint="Leave the time empty to open at the start of the day (midnight)."
                value={values.opensAt}
                onChange={set('opensAt')}
                error={errors.opensAt}
              />
            </>
          )}
          <DateTimeField
            id="closesAt"
            legend="Closing date"
            hint={CLOSING_HINT}
            timeHint="Leave the time empty to close at the end of the day."
            value={values.closesAt}
            onChange={set('closesAt')}
            error={errors.closesAt}
          />
          <div className="app-button-group">
            <button type="submit" className="app-button">
              {wave ? 'Save changes' : 'Create wave'}
            </button>
            <Link to={wave ? `/admin/waves/${wave.id}` : '/admin/waves'}>Cancel</Link>
          </div>
        </ActionForm>
      </div>
    </>
  );
}

export const route = { loader, action, Component: WaveFormPage };
