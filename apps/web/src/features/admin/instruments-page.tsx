import type { FieldError } from '@swhc/contracts';
import { useMemo } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
} from 'react-router';
import { listInstruments, publishInstrument } from '../../api';
import { ActionForm } from '../../app/action-form';
import { requireStaff, sessionEnded, valueOf } from '../../app/page-data';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  SuccessBanner,
  usePageTitle,
  TableRegion,
} from '../../ui';
import { AdminNav } from './admin-nav';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await listInstruments(request.signal), request);
}

interface PublishOutcome {
  readonly published?: string;
  /** The file's problems, each with its path in the definition (e.g. questions[3].choices). */
  readonly problems?: readonly FieldError[];
  readonly error?: string;
}

export async function action({ request }: ActionFunctionArgs): Promise<PublishOutcome | Response> {
  const file = (await request.formData()).get('definition');
  if (!(file instanceof Blob) || file.size === 0)
    return { error: 'Select a JSON file with the instrument definition' };
  let definition: unknown;
  try {
    definition = JSON.parse(await file.text()) as unknown;
  } catch {
    return { error: 'The selected file is not valid JSON' };
  }
  const result = await publishInstrument(definition);
  switch (result.kind) {
    case 'ok':
      return { published: `${result.value.title}, version ${result.value.version}` };
    case 'signed-out':
      return sessionEnded(request);
    case 'refused':
      return result.errors.length > 0
        ? { error: result.message, problems: result.errors }
        : { error: result.message };
    default:
      return {
        error:
          'Sorry, there is a problem with the service. Nothing was published. Try again later.',
      };
  }
}

/** Published instrument versions, and publishing a new one from a JSON file. */
export function InstrumentsPage() {
  const instruments = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const summary = useMemo(
    (): ErrorSummaryItem[] =>
      outcome?.error
        ? [
            { targetId: 'definition', text: outcome.error },
            ...(outcome.problems ?? []).map((p) => ({
              targetId: 'definition',
              text: `${p.field}: ${p.message}`,
            })),
          ]
        : [],
    [outcome],
  );
  usePageTitle('Questionnaire versions', summary.length > 0);
  return (
    <>
      <AdminNav />
      {outcome?.published ? (
        <SuccessBanner>
          <p className="app-body">{outcome.published} is published. New waves can use it.</p>
        </SuccessBanner>
      ) : null}
      <ErrorSummary
        items={summary}
        title={outcome?.problems ? 'The file has problems' : undefined}
      />
      <h1 className="app-heading-xl">Questionnaire versions</h1>
      <p className="app-body">
        A published version never changes, so results always stay tied to the exact wording people
        saw. The content hash identifies each version’s wording and scoring key.
      </p>
      <TableRegion
        label="Questionnaire versions"
        caption={`${instruments.length} published versions`}
        columns={['Questionnaire', 'Version', 'Questions', 'Waves', 'Content hash (SHA-256)']}
      >
        {instruments.map((i) => (
          <tr key={i.id}>
            <td>
              {i.title}
              <div className="app-secondary-text app-table__small">{i.key}</div>
            </td>
            <td>{i.version}</td>
            <td>{i.questions}</td>
            <td>{i.waves}</td>
            <td>
              <code className="app-code">{i.contentHash}</code>
            </td>
          </tr>
        ))}
      </TableRegion>
      <div className="app-grid-two-thirds">
        <ActionForm label="Publish a new version" withFiles>
          <h2 className="app-heading-m">Publish a new version</h2>
          <div className={`app-form-group${outcome?.error ? ' app-form-group--error' : ''}`}>
            <label className="app-label" htmlFor="definition">
              Instrument definition (JSON file)
            </label>
            <div id="definition-hint" className="app-hint">
              The definition of a questionnaire version: its questions, pages and scoring key, with
              a new version number. Each problem is named by where it is in the file.
            </div>
            {outcome?.error ? (
              <p id="definition-error" className="app-error-message">
                <span className="app-visually-hidden">Error:</span> {outcome.error}
              </p>
            ) : null}
            <input
              className="app-file-upload"
              id="definition"
              name="definition"
              type="file"
              accept="application/json,.json"
              aria-describedby={`definition-hint${outcome?.error ? ' definition-error' : ''}`}
            />
          </div>
          <button type="submit" className="app-button">
            Publish version
          </button>
        </ActionForm>
      </div>
    </>
  );
}

export const route = { loader, action, Component: InstrumentsPage };
