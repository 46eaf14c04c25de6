import { ENGLISH_REGIONS, PANEL_ROLES, type TrendMargins } from '@swhc/contracts';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
} from 'react-router';
import { getTrendMargins, setTrendMargins } from '../../../api';
import { ActionForm } from '../../../app/action-form';
import { textOf } from '../../../app/form-fields';
import { requireStaff, sessionEnded, valueOf } from '../../../app/page-data';
import { ErrorSummary, SuccessBanner, TextField, usePageTitle } from '../../../ui';
import { PanelNav } from './panel-nav';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await getTrendMargins(request.signal), request);
}

const ROLE_TEXT = Object.fromEntries(PANEL_ROLES.map((r) => [r.value, r.text]));
const fieldId = (dimension: string, level: string) =>
  `${dimension}-${level.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

const FIRST = fieldId('region', ENGLISH_REGIONS[0] ?? '');

/** The field an api error names ("region.London"), or the first of its margin ("role"). */
function targetOf(field: string): string {
  const [dimension = '', level] = field.split('.');
  if (level) return fieldId(dimension, level);
  return dimension === 'role' ? fieldId('role', PANEL_ROLES[0]?.value ?? '') : FIRST;
}

type Outcome = { saved: true } | { errors: { targetId: string; text: string }[] };

export async function action({ request }: ActionFunctionArgs): Promise<Outcome | Response> {
  const form = await request.formData();
  const errors: { targetId: string; text: string }[] = [];
  const read = (dimension: 'region' | 'role', levels: readonly string[]) => {
    const out: Record<string, number> = {};
    for (const level of levels) {
      const raw = textOf(form, fieldId(dimension, level)).replace(/,/g, '').trim();
      if (raw === '') continue;
      const n = Number(raw);
      if (!Number.isFinite(n) || n <= 0) {
        errors.push({
          targetId: fieldId(dimension, level),
          text: `${dimension === 'role' ? ROLE_TEXT[level] : level}: enter a number of people, like 2500`,
        });
      } else out[level] = n;
    }
    return out;
  };
  const region = read('region', ENGLISH_REGIONS);
  const role = read(
    'role',
    PANEL_ROLES.map((r) => r.value),
  );
  if (errors.length > 0) return { errors };
  const margins: TrendMargins = {
    ...(Object.keys(region).length ? { region } : {}),
    ...(Object.keys(role).length ? { role } : {}),
  };
  const result = await setTrendMargins(margins);
  if (result.kind === 'ok') return { saved: true };
  if (result.kind === 'signed-out') return sessionEnded(request);
  if (result.kind === 'refused')
    return {
      errors: result.errors.map((e) => ({
        targetId: targetOf(e.field),
        text: `${e.field} ${e.message}`,
      })),
    };
  return {
    errors: [{ targetId: FIRST, text: 'The margins could not be saved. Try again later.' }],
  };
}

/** /admin/panel/margins — the population trends can be weighted to, e.g. the workforce census. */
export function MarginsPage() {
  const { margins, membership } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const errors = useMemo(() => (outcome && 'errors' in outcome ? outcome.errors : []), [outcome]);
  usePageTitle('Weighting margins', errors.length > 0);
  const [values, setValues] = useState<Record<string, string>>(() => {
    const start: Record<string, string> = {};
    for (const [level, n] of Object.entries(margins?.region ?? {}))
      start[fieldId('region', level)] = String(n);
    for (const [level, n] of Object.entries(margins?.role ?? {}))
      start[fieldId('role', level)] = String(n);
    return start;
  });
  const field = (dimension: 'region' | 'role', level: string, label: string) => {
    const id = fieldId(dimension, level);
    const members = membership[dimension]?.[level];
    return (
      <TextField
        key={id}
        id={id}
        label={label}
        hint={`Panel members: ${(members ?? 0).toLocaleString('en-GB')}`}
        inputMode="numeric"
        width={10}
        value={values[id] ?? ''}
        onChange={(v) => setValues((old) => ({ ...old, [id]: v }))}
        error={errors.find((e) => e.targetId === id)?.text}
      />
    );
  };
  return (
    <div className="app-pollpanel">
      <PanelNav />
      <div className="app-grid-two-thirds">
        {outcome && 'saved' in outcome ? (
          <SuccessBanner>
            <p className="app-body">
              The margins have been saved. Trends can now be weighted to them.
            </p>
          </SuccessBanner>
        ) : null}
        <ErrorSummary items={errors} />
        <h1 className="app-heading-xl">Weighting margins</h1>
        <p className="app-body">
          Trends can be weighted to the panel’s own membership or to the population you enter here,
          for example the social work workforce census: the number of social workers in each region
          and in each role. Leave a box empty to leave that group out. Figures are counts (or any
          numbers in proportion to them).
        </p>
        <ActionForm label="Weighting margins">
          <h2 className="app-heading-m">By region</h2>
          {ENGLISH_REGIONS.map((r) => field('region', r, r))}
          <h2 className="app-heading-m">By role</h2>
          {PANEL_ROLES.map((r) => field('role', r.value, r.text))}
          <button type="submit" className="app-button">
            Save the margins
          </button>
        </ActionForm>
      </div>
    </div>
  );
}

export const route = { loader, action, Component: MarginsPage };
