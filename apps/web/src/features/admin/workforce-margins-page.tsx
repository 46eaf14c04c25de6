import {
  SERVICE_KINDS,
  SERVICE_NAMES,
  WORKFORCE_MARGIN_VARIABLES,
  type ServiceKind,
  type WorkforceMarginCounts,
  type WorkforceMarginVariable,
} from '@swhc/contracts';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
  useSearchParams,
} from 'react-router';
import { loadWorkforceMargins, saveWorkforceMargins } from '../../api';
import { ActionForm } from '../../app/action-form';
import { textOf } from '../../app/form-fields';
import { requireStaff, sessionEnded, valueOf } from '../../app/page-data';
import { ServiceSelect } from '../../app/service-select';
import { ErrorSummary, SuccessBanner, TextField, usePageTitle } from '../../ui';
import { AdminNav } from './admin-nav';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await loadWorkforceMargins(request.signal), request);
}

const fieldId = (variable: string, category: string) =>
  `${variable}-${category.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
const VARIABLE_WORDS: Record<WorkforceMarginVariable, string> = { role: 'role', region: 'region' };

type Outcome =
  { saved: ServiceKind } | { errors: { targetId: string; text: string }[]; service: ServiceKind };

/** The field an api error names ("margins.role.asye"), or the first field of its margin. */
function targetOf(
  field: string,
  categories: Record<WorkforceMarginVariable, readonly { value: string }[]>,
) {
  const [, variable = '', category] = field.split('.');
  if (field === 'source') return 'source';
  if (field === 'service') return 'service';
  const v = (WORKFORCE_MARGIN_VARIABLES as readonly string[]).includes(variable)
    ? (variable as WorkforceMarginVariable)
    : 'role';
  return fieldId(v, category ?? categories[v][0]?.value ?? '');
}

export async function action({ request }: ActionFunctionArgs): Promise<Outcome | Response> {
  const form = await request.formData();
  const service: ServiceKind = textOf(form, 'service') === 'adults' ? 'adults' : 'children';
  const overview = await loadWorkforceMargins();
  if (overview.kind !== 'ok') return sessionEnded(request);
  const { categories } = overview.value;
  const errors: { targetId: string; text: string }[] = [];
  const margins: WorkforceMarginCounts = {};
  for (const variable of WORKFORCE_MARGIN_VARIABLES) {
    const counts: Record<string, number> = {};
    const empty: string[] = [];
    for (const c of categories[variable]) {
      const raw = textOf(form, fieldId(variable, c.value)).replace(/,/g, '').trim();
      if (raw === '') {
        empty.push(c.value);
        continue;
      }
      if (!/^\d+$/.test(raw) || Number(raw) < 1) {
        errors.push({
          targetId: fieldId(variable, c.value),
          text: `${c.text}: enter a whole number of people, like 2500`,
        });
      } else counts[c.value] = Number(raw);
    }
    // A margin left wholly empty is not used; a partly filled one goes to the api, which names the gaps.
    if (empty.length < categories[variable].length) margins[variable] = counts;
    for (const c of empty.length < categories[variable].length ? empty : []) {
      const text = categories[variable].find((x) => x.value === c)?.text ?? c;
      errors.push({
        targetId: fieldId(variable, c),
        text: `${text}: enter the number of people (every ${VARIABLE_WORDS[variable]} is needed)`,
      });
    }
  }
  if (errors.length > 0) return { errors, service };
  const result = await saveWorkforceMargins({
    service,
    source: textOf(form, 'source'),
    margins,
  });
  if (result.kind === 'ok') return { saved: service };
  if (result.kind === 'signed-out') return sessionEnded(request);
  if (result.kind === 'refused')
    return {
      service,
      errors: result.errors.map((e) => ({
        targetId: targetOf(e.field, categories),
        text: `${e.field.replace(/^margins\./, '')} ${e.message}`,
      })),
    };
  return {
    service,
    errors: [{ targetId: 'source', text: 'The margins could not be saved. Try again later.' }],
  };
}

/** /admin/workforce-margins — the workforce the national picture is raked to, per service. */
export function WorkforceMarginsPage() {
  const { stored, categories } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = useMemo(() => (outcome && 'errors' in outcome ? outcome.errors : []), [outcome]);
  usePageTitle('Workforce margins', errors.length > 0);
  const initialService: ServiceKind =
    outcome && 'service' in outcome
      ? outcome.service
      : params.get('service') === 'adults'
        ? 'adults'
        : 'children';
  const [service, setService] = useState<ServiceKind>(initialService);
  const current = stored.find((s) => s.service === service);
  const [values, setValues] = useState<Record<string, Record<string, string>>>(() => {
    const start: Record<string, Record<string, string>> = {};
    for (const kind of SERVICE_KINDS) {
      const s = stored.find((x) => x.service === kind);
      const v: Record<string, string> = { source: s?.source ?? '' };
      for (const variable of WORKFORCE_MARGIN_VARIABLES)
        for (const [c, n] of Object.entries(s?.margins[variable] ?? {}))
          v[fieldId(variable, c)] = String(n);
      start[kind] = v;
    }
    return start;
  });
  const value = (id: string) => values[service]?.[id] ?? '';
  const set = (id: string) => (v: string) =>
    setValues((old) => ({ ...old, [service]: { ...old[service], [id]: v } }));
  const totals = WORKFORCE_MARGIN_VARIABLES.map((variable) => ({
    variable,
    total: categories[variable].reduce(
      (s, c) => s + (Number(value(fieldId(variable, c.value)).replace(/,/g, '')) || 0),
      0,
    ),
  }));
  return (
    <>
      <AdminNav />
      <div className="app-grid-two-thirds">
        {outcome && 'saved' in outcome ? (
          <SuccessBanner>
            <p className="app-body">
              The margins for {SERVICE_NAMES[outcome.saved].toLowerCase()} have been saved. The
              national picture is now raked to them.
            </p>
          </SuccessBanner>
        ) : null}
        <ErrorSummary items={errors} />
        <h1 className="app-heading-xl">Workforce margins</h1>
        <p className="app-body">
          The national picture weights the responses (raking) so that they match the social work
          workforce, for example from the national workforce census: the number of people in each
          role and in each region. Give every category of a margin; if you give both, they must add
          up to the same workforce. Leave a whole margin empty not to use it.
        </p>
        <ServiceSelect id="service-choice" value={service} onChange={setService} />
        <p className="app-body">
          {current
            ? `Stored for ${SERVICE_NAMES[service].toLowerCase()} on ${new Date(current.updatedAt).toLocaleDateString('en-GB')}.`
            : `Nothing is stored for ${SERVICE_NAMES[service].toLowerCase()} yet: its national figures are unweighted.`}
        </p>
        <ActionForm label={`Workforce margins for ${SERVICE_NAMES[service].toLowerCase()}`}>
          <input type="hidden" name="service" value={service} />
          <TextField
            id="source"
            name="source"
            label="Where the figures come from"
            hint="For example: Social work workforce census, September 2025"
            value={value('source')}
            onChange={set('source')}
            error={errors.find((e) => e.targetId === 'source')?.text}
          />
          {WORKFORCE_MARGIN_VARIABLES.map((variable) => (
            <fieldset className="app-fieldset" key={variable}>
              <legend className="app-fieldset__legend app-fieldset__legend--m">
                By {VARIABLE_WORDS[variable]}
              </legend>
              {categories[variable].map((c) => {
                const id = fieldId(variable, c.value);
                return (
                  <TextField
                    key={id}
                    id={id}
                    name={id}
                    label={c.text}
                    inputMode="numeric"
                    width={10}
                    value={value(id)}
                    onChange={set(id)}
                    error={errors.find((e) => e.targetId === id)?.text}
                  />
                );
              })}
              <p className="app-body">
                Total: {totals.find((t) => t.variable === variable)?.total.toLocaleString('en-GB')}
              </p>
            </fieldset>
          ))}
          <button type="submit" className="app-button">
            Save the margins
          </button>
        </ActionForm>
      </div>
    </>
  );
}

export const route = { loader, action, Component: WorkforceMarginsPage };
