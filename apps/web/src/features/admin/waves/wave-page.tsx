import {
  type EnrolmentScope,
  type EnrolRequest,
  isGssCode,
  isServiceKind,
  isUuid,
  SERVICE_NAMES,
  type WaveDetail,
} from '@swhc/contracts';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  data,
  Link,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
} from 'react-router';
import {
  type ApiResult,
  closeWave,
  enrol,
  getWave,
  listOrganisations,
  replaceLink,
  scheduleWave,
  withdrawEnrolment,
} from '../../../api';
import { ActionForm } from '../../../app/action-form';
import { textOf } from '../../../app/form-fields';
import { takeNotice } from '../../../app/notice';
import { notFound, requireStaff, sessionEnded, valueOf } from '../../../app/page-data';
import { pathParam } from '../../../app/route-params';
import {
  CheckboxesField,
  ErrorSummary,
  type ErrorSummaryItem,
  RadioField,
  SelectField,
  SummaryList,
  TextareaField,
  usePageTitle,
  TableRegion,
  NoticeBanner,
} from '../../../ui';
import { AdminNav } from '../admin-nav';
import { surveyUrl } from '../../../app/survey-url';
import { serviceList, WaveStateTag, waveTime } from './wave-words';

export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  const id = pathParam(params, 'id', isUuid);
  if (id === null) throw notFound();
  const [wave, organisations] = await Promise.all([
    getWave(id, request.signal),
    listOrganisations(request.signal),
  ]);
  const regions = [...new Set(valueOf(organisations, request).map((o) => o.region))].sort();
  return { wave: valueOf(wave, request), regions, notice: takeNotice(request) };
}

type Intent = 'schedule' | 'close' | 'enrol' | 'withdraw' | 'replace';

interface Outcome {
  readonly intent: Intent;
  readonly notice?: string;
  readonly errors?: ErrorSummaryItem[];
}

/** The GSS codes typed in a box, one per line or separated by commas or spaces. */
export const gssCodesIn = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');

export function validateEnrolment(form: {
  scope: string;
  region: string;
  gssCodes: string;
  services: string[];
}): { errors: ErrorSummaryItem[]; request?: EnrolRequest } {
  const errors: ErrorSummaryItem[] = [];
  const scope = form.scope as EnrolmentScope;
  if (!['england', 'region', 'list'].includes(form.scope))
    errors.push({ targetId: 'scope', text: 'Select which local authorities to enrol' });
  if (scope === 'region' && !form.region)
    errors.push({ targetId: 'region', text: 'Select a region' });
  const codes = gssCodesIn(form.gssCodes);
  if (scope === 'list') {
    const bad = codes.filter((c) => !isGssCode(c));
    if (codes.length === 0)
      errors.push({ targetId: 'gssCodes', text: 'Enter the GSS codes of the local authorities' });
    else if (bad.length > 0)
      errors.push({
        targetId: 'gssCodes',
        text: `GSS codes are E and 8 digits, like E06000001: check ${bad.slice(0, 3).join(', ')}`,
      });
  }
  const services = form.services.filter(isServiceKind);
  if (services.length === 0)
    errors.push({ targetId: 'services', text: 'Select the services to enrol' });
  if (errors.length > 0) return { errors };
  return {
    errors,
    request: {
      scope,
      ...(scope === 'region' ? { region: form.region } : {}),
      ...(scope === 'list' ? { gssCodes: codes } : {}),
      services,
    },
  };
}

/** Each button or form of the page posts one intent; the page is loaded again after each. */
export async function action({ params, request }: ActionFunctionArgs): Promise<Outcome | Response> {
  const id = params.id ?? '';
  const form = await request.formData();
  const text = (name: string) => textOf(form, name);
  const intent = text('intent') as Intent;
  const settle = <T,>(
    result: ApiResult<T>,
    done: (value: T) => string,
    targetId?: string,
  ): Outcome | Response => {
    switch (result.kind) {
      case 'ok':
        return { intent, notice: done(result.value) };
      case 'signed-out':
        return sessionEnded(request);
      case 'refused':
        return {
          intent,
          errors:
            result.errors.length > 0
              ? result.errors.map((e) => ({ targetId, text: `${e.field}: ${e.message}` }))
              : [{ targetId, text: result.message }],
        };
      case 'unavailable':
      case 'aborted':
        return {
          intent,
          errors: [
            {
              text: 'Sorry, there is a problem with the service. Nothing was changed. Try again in a few minutes.',
            },
          ],
        };
      default:
        return { intent, errors: [{ targetId, text: result.message }] };
    }
  };
  const service = text('service');
  const gssCode = text('gssCode');
  switch (intent) {
    case 'schedule':
      return settle(
        await scheduleWave(id),
        (w) => `${w.name} is scheduled. You can enrol local authorities now.`,
      );
    case 'close':
      return settle(await closeWave(id), (w) => `${w.name} has closed. Its reports are released.`);
    case 'enrol': {
      const checked = validateEnrolment({
        scope: text('scope'),
        region: text('region'),
        gssCodes: text('gssCodes'),
        services: form.getAll('services').map(String),
      });
      if (!checked.request) return { intent, errors: checked.errors };
      return settle(
        await enrol(id, checked.request),
        (r) =>
          `Enrolled ${new Set(r.enrolled.map((e) => e.gssCode)).size} local authorities (${r.enrolled.length} links)${r.alreadyEnrolled > 0 ? `; ${r.alreadyEnrolled} were already enrolled` : ''}.`,
        'scope',
      );
    }
    case 'withdraw':
    case 'replace': {
      if (!isServiceKind(service) || !isGssCode(gssCode)) throw data(null, { status: 400 });
      const name = `${text('name')} (${SERVICE_NAMES[service]})`;
      return intent === 'withdraw'
        ? settle(
            await withdrawEnrolment(id, gssCode, service),
            () => `${name} withdrawn. Its link no longer works.`,
          )
        : settle(
            await replaceLink(id, gssCode, service),
            () => `${name} has a new link. The old one now tells people to ask for the new link.`,
          );
    }
    default:
      throw data(null, { status: 400 });
  }
}

/** One wave: its details, what its state allows, enrolment and every LA's link. */
export function WavePage() {
  const { wave, regions, notice: arrived } = useLoaderData<typeof loader>();
  return <ManageWave key={wave.id} wave={wave} regions={regions} arrived={arrived} />;
}

function ManageWave({
  wave,
  regions,
  arrived,
}: {
  wave: WaveDetail;
  regions: string[];
  arrived: string | null;
}) {
  const outcome = useActionData<typeof action>();
  const submit = useSubmit();
  const busy = useNavigation().state !== 'idle';
  const [scope, setScope] = useState('');
  const [region, setRegion] = useState('');
  const [codes, setCodes] = useState('');
  const [services, setServices] = useState<string[]>(wave.services);
  const summary = useMemo(() => outcome?.errors ?? [], [outcome]);
  const notice = outcome ? outcome.notice : arrived;
  usePageTitle(wave.name, summary.length > 0);
  const post = (fields: [string, string][]) => {
    if (!busy) void submit(new URLSearchParams(fields), { method: 'post' });
  };
  const enrolling = wave.state === 'scheduled' || wave.state === 'open';
  const errorFor = (id: string) =>
    outcome?.intent === 'enrol' ? summary.find((e) => e.targetId === id)?.text : undefined;

  return (
    <>
      <AdminNav />
      <NoticeBanner notice={summary.length === 0 ? notice : null} />
      <ErrorSummary items={summary} />
      <span className="app-caption-l">Wave</span>
      <h1 className="app-heading-l">{wave.name}</h1>
      <SummaryList
        rows={[
          ['Status', <WaveStateTag key="state" state={wave.state} />],
          ['Questionnaire', `${wave.instrument.title}, version ${wave.instrument.version}`],
          ['Services', serviceList(wave.services)],
          ['Opens', waveTime(wave.opensAt)],
          ['Closes', waveTime(wave.closesAt, true)],
          ['Local authorities enrolled', String(wave.enrolledOrganisations)],
          [
            'Responses so far',
            wave.responses === null
              ? (wave.responsesMessage ?? '')
              : wave.responses.toLocaleString('en-GB'),
          ],
        ]}
      />

      {wave.state === 'draft' ? (
        <>
          <p className="app-body">
            This wave is a draft: only administrators see it. Schedule it when its details are
            right; then local authorities can be enrolled and their principal social workers see it.
          </p>
          <div className="app-button-group">
            <button
              type="button"
              className="app-button"
              onClick={() => post([['intent', 'schedule']])}
            >
              Schedule this wave
            </button>
            <Link to={`/admin/waves/${wave.id}/edit`}>Change the details</Link>
          </div>
        </>
      ) : null}
      {wave.state === 'scheduled' ? (
        <p className="app-body">
          <Link to={`/admin/waves/${wave.id}/edit`}>Change the details</Link> (possible until it
          opens)
        </p>
      ) : null}
      {wave.state === 'open' ? (
        <>
          <p className="app-body">
            <Link to={`/admin/waves/${wave.id}/edit`}>Change the closing time</Link>
          </p>
          <h2 className="app-heading-m">Close now</h2>
          <div className="app-warning-text">
            <span className="app-warning-text__icon" aria-hidden="true">
              !
            </span>
            Closing now cannot be undone: the links stop taking answers at once and every report of
            this wave is released.
          </div>
          <button
            type="button"
            className="app-button app-button--warning"
            onClick={() => post([['intent', 'close']])}
          >
            Close {wave.name} now
          </button>
        </>
      ) : null}
      {wave.state === 'closed' ? (
        <p className="app-body">This wave has closed. A closed wave never changes.</p>
      ) : null}

      {enrolling ? (
        <ActionForm label="Enrol local authorities">
          <h2 className="app-heading-m">Enrol local authorities</h2>
          <input type="hidden" name="intent" value="enrol" />
          <RadioField
            id="scope"
            legend="Which local authorities?"
            value={scope}
            onChange={setScope}
            error={errorFor('scope')}
            choices={[
              { value: 'england', label: 'All local authorities in England' },
              { value: 'region', label: 'All local authorities in a region' },
              { value: 'list', label: 'Local authorities I choose by GSS code' },
            ]}
          />
          {scope === 'region' ? (
            <SelectField
              id="region"
              label="Region"
              placeholder="Choose a region"
              options={regions.map((r) => ({ value: r, label: r }))}
              value={region}
              onChange={setRegion}
              error={errorFor('region')}
            />
          ) : null}
          {scope === 'list' ? (
            <TextareaField
              id="gssCodes"
              label="GSS codes"
              hint="One per line, or separated by commas. For example, E06000001."
              value={codes}
              onChange={setCodes}
              error={errorFor('gssCodes')}
              spellCheck={false}
            />
          ) : null}
          <CheckboxesField
            id="services"
            legend="For which services?"
            choices={wave.services.map((s) => ({ value: s, label: SERVICE_NAMES[s] }))}
            values={services}
            onChange={setServices}
            error={errorFor('services')}
          />
          <button type="submit" className="app-button">
            Enrol
          </button>
        </ActionForm>
      ) : null}

      <h2 className="app-heading-m">Enrolled local authorities and their links</h2>
      {wave.enrolments.length === 0 ? (
        <p className="app-body">No local authority is enrolled yet.</p>
      ) : (
        <TableRegion
          label="Enrolled local authorities"
          caption={`${wave.enrolments.length} enrolments`}
          columns={[
            'Local authority',
            'Service',
            'Survey link',
            'Responses',
            { text: 'Actions', visuallyHidden: true },
          ]}
        >
          {wave.enrolments.map((e) => {
            const fields = (intent: Intent): [string, string][] => [
              ['intent', intent],
              ['gssCode', e.gssCode],
              ['service', e.service],
              ['name', e.organisationName],
            ];
            const label = `${e.organisationName} ${SERVICE_NAMES[e.service]}`;
            return (
              <tr key={`${e.gssCode}-${e.service}`}>
                <td>
                  {e.organisationName}
                  <div className="app-secondary-text app-table__small">{e.gssCode}</div>
                </td>
                <td>{SERVICE_NAMES[e.service]}</td>
                <td>
                  <code className="app-code">{surveyUrl(e.code)}</code>
                  {e.replacedCodes > 0 ? (
                    <div className="app-secondary-text app-table__small">
                      Replaced {e.replacedCodes} {e.replacedCodes === 1 ? 'time' : 'times'}
                    </div>
                  ) : null}
                </td>
                <td>
                  {e.responses === null
                    ? e.responsesMessage
                    : e.responses === 0
                      ? 'None yet'
                      : e.responses}
                </td>
                <td>
                  {wave.state === 'closed' ? null : (
                    <ul className="app-table__actions">
                      <li>
                        <button
                          type="button"
                          className="app-link-button"
                          onClick={() => post(fields('replace'))}
                        >
                          Replace link<span className="app-visually-hidden"> of {label}</span>
                        </button>
                      </li>
                      {e.responses === 0 ? (
                        <li>
                          <button
                            type="button"
                            className="app-link-button"
                            onClick={() => post(fields('withdraw'))}
                          >
                            Withdraw<span className="app-visually-hidden"> {label}</span>
                          </button>
                        </li>
                      ) : null}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </TableRegion>
      )}
      <p className="app-body">
        <Link to="/admin/waves">Back to waves</Link>
      </p>
    </>
  );
}

export const route = { loader, action, Component: WavePage };
