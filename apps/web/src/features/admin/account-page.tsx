import { isUuid, PASSWORD_MIN_LENGTH, type StaffAccountSummary } from '@swhc/contracts';
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
  getStaffAccount,
  listOrganisations,
  setAccountDisabled,
  setAccountOrganisations,
  setAccountPassword,
} from '../../api';
import { ActionForm } from '../../app/action-form';
import { textOf } from '../../app/form-fields';
import { takeNotice } from '../../app/notice';
import { requireStaff, sessionEnded, valueOf } from '../../app/page-data';
import { pathParam } from '../../app/route-params';
import { ROLE_LABELS } from '../../app/staff-session';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  SelectField,
  SummaryList,
  usePageTitle,
  NoticeBanner,
} from '../../ui';
import { AdminNav } from './admin-nav';
import { isTooShortPassword, NewPasswordField, PASSWORD_TOO_SHORT } from './new-password-field';
import { organisationChoice } from './organisation-choice';
import { StatusTag } from './status-tag';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  });

/** The account (null when there is none with this id, or the id is malformed) and every LA. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, ['admin']);
  const id = pathParam(params, 'id', isUuid);
  const [found, organisations] = await Promise.all([
    id === null ? null : getStaffAccount(id, request.signal),
    listOrganisations(request.signal),
  ]);
  const account = found === null || found.kind === 'not-found' ? null : valueOf(found, request);
  return {
    account,
    organisations: valueOf(organisations, request),
    isSelf: account?.email === staff.email,
    notice: takeNotice(request),
  };
}

type Intent = 'add-organisation' | 'remove-organisation' | 'set-password' | 'disable' | 'enable';

interface ChangeOutcome {
  readonly intent: Intent;
  readonly notice?: string;
  readonly error?: ErrorSummaryItem;
}

const capitalised = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;

/** Each form and button of the page posts one intent; the page is loaded again after each. */
export async function action({ params, request }: ActionFunctionArgs) {
  const id = params.id ?? '';
  const form = await request.formData();
  const text = (name: string) => textOf(form, name);
  const gssCodes = form.getAll('gssCodes').map(String);

  const outcome = (
    intent: Intent,
    result: ApiResult<StaffAccountSummary>,
    done: (account: StaffAccountSummary) => string,
    targetId?: string,
  ): ChangeOutcome | Response => {
    switch (result.kind) {
      case 'ok':
        return { intent, notice: done(result.value) };
      case 'signed-out':
        return sessionEnded(request);
      case 'unavailable':
      case 'aborted':
        return {
          intent,
          error: {
            targetId,
            text: 'Sorry, there is a problem with the service. Nothing was changed. Try again in a few minutes.',
          },
        };
      case 'refused': {
        const first = result.status === 400 ? result.errors[0] : undefined;
        return {
          intent,
          error: { targetId, text: first ? capitalised(first.message) : result.message },
        };
      }
      default:
        return { intent, error: { targetId, text: result.message } };
    }
  };

  const intent = text('intent');
  switch (intent) {
    case 'add-organisation': {
      const adding = text('add-organisation');
      if (!adding)
        return {
          intent,
          error: { targetId: 'add-organisation', text: 'Select a local authority to add' },
        };
      return outcome(
        intent,
        await setAccountOrganisations(id, [...gssCodes, adding]),
        (account) => {
          const added = account.organisations.find((o) => o.gssCode === adding);
          return `${added ? organisationChoice(added).label : adding} added.`;
        },
        'add-organisation',
      );
    }
    case 'remove-organisation':
      return outcome(
        intent,
        await setAccountOrganisations(id, gssCodes),
        () => `${text('name')} removed.`,
      );
    case 'set-password': {
      const password = text('new-password');
      if (isTooShortPassword(password))
        return { intent, error: { targetId: 'new-password', text: PASSWORD_TOO_SHORT } };
      return outcome(
        intent,
        await setAccountPassword(id, password),
        (account) =>
          `New password set for ${account.email}. They have been signed out everywhere and can sign in with it now.`,
        'new-password',
      );
    }
    case 'disable':
    case 'enable':
      return outcome(intent, await setAccountDisabled(id, intent === 'disable'), (account) =>
        intent === 'disable'
          ? `${account.email} is disabled and has been signed out everywhere.`
          : `${account.email} can sign in again.`,
      );
    default:
      throw data(null, { status: 400 });
  }
}

function AccountNotFound() {
  usePageTitle('Manage staff account');
  return (
    <>
      <AdminNav />
      <h1 className="app-heading-xl">Account not found</h1>
      <p className="app-body">
        <Link to="/admin/accounts">Back to staff accounts</Link>
      </p>
    </>
  );
}

/** One staff account: its details, the LAs a PSW is bound to (add/remove), disable/enable. */
export function AccountPage() {
  const { account, organisations, isSelf, notice: arrived } = useLoaderData<typeof loader>();
  if (!account) return <AccountNotFound />;
  return (
    <ManageAccount
      key={account.id}
      account={account}
      organisations={organisations}
      isSelf={isSelf}
      arrived={arrived}
    />
  );
}

function ManageAccount({
  account,
  organisations,
  isSelf,
  arrived,
}: {
  account: StaffAccountSummary;
  organisations: readonly { gssCode: string; name: string }[];
  isSelf: boolean;
  arrived: string | null;
}) {
  const outcome = useActionData<typeof action>();
  const submit = useSubmit();
  const busy = useNavigation().state !== 'idle';
  const [adding, setAdding] = useState('');
  const [newPassword, setNewPassword] = useState('');
  // Each answer empties the field it was about: the LA just added, the password just set.
  const [answered, setAnswered] = useState(outcome);
  if (outcome !== answered) {
    setAnswered(outcome);
    if (outcome?.intent === 'add-organisation') setAdding('');
    if (outcome?.intent === 'set-password' && outcome.notice) setNewPassword('');
  }
  const error = outcome?.error ?? null;
  // A new list only with a new answer: the summary takes focus whenever its list changes.
  const summary = useMemo(() => (outcome?.error ? [outcome.error] : []), [outcome]);
  const notice = outcome ? outcome.notice : arrived;
  usePageTitle(`Manage ${account.email}`, error !== null);

  const disabling = account.disabledAt === null;
  const codes = account.organisations.map((o) => o.gssCode);
  const bound = new Set(codes);
  const options = organisations.filter((o) => !bound.has(o.gssCode)).map(organisationChoice);
  const post = (fields: [string, string][]) => {
    if (!busy) void submit(new URLSearchParams(fields), { method: 'post' });
  };

  return (
    <>
      <AdminNav />
      <NoticeBanner notice={error ? null : notice} />
      <ErrorSummary items={summary} />
      <span className="app-caption-l">Staff account</span>
      <h1 className="app-heading-l">{account.email}</h1>
      <SummaryList
        rows={[
          ['Role', ROLE_LABELS[account.role]],
          [
            'Status',
            <>
              <StatusTag account={account} />
              {account.disabledAt ? ` since ${dateTime(account.disabledAt)}` : null}
            </>,
          ],
          ['Created', dateTime(account.createdAt)],
        ]}
      />

      {account.role === 'psw' ? (
        <>
          <h2 className="app-heading-m">Local authorities</h2>
          <p className="app-body">
            This principal social worker sees the results of these local authorities only.
          </p>
          <div className="app-table-wrapper">
            <table className="app-table">
              <caption className="app-visually-hidden">
                Local authorities of {account.email}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Local authority</th>
                  <th scope="col">GSS code</th>
                  <th scope="col">
                    <span className="app-visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {account.organisations.map((o) => (
                  <tr key={o.gssCode}>
                    <td>{o.name}</td>
                    <td>{o.gssCode}</td>
                    <td>
                      {account.organisations.length > 1 ? (
                        <button
                          type="button"
                          className="app-link-button"
                          onClick={() =>
                            post([
                              ['intent', 'remove-organisation'],
                              ['name', o.name],
                              ...codes
                                .filter((c) => c !== o.gssCode)
                                .map((c): [string, string] => ['gssCodes', c]),
                            ])
                          }
                        >
                          Remove<span className="app-visually-hidden"> {o.name}</span>
                        </button>
                      ) : (
                        <span className="app-secondary-text app-table__small">
                          Add another before removing this one
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ActionForm>
            {codes.map((c) => (
              <input key={c} type="hidden" name="gssCodes" value={c} />
            ))}
            <SelectField
              id="add-organisation"
              label="Add a local authority"
              placeholder="Choose a local authority"
              options={options}
              value={adding}
              onChange={setAdding}
              error={error?.targetId === 'add-organisation' ? error.text : undefined}
            />
            <button
              type="submit"
              name="intent"
              value="add-organisation"
              className="app-button app-button--secondary"
            >
              Add local authority
            </button>
          </ActionForm>
        </>
      ) : null}

      {isSelf ? null : (
        <ActionForm>
          <h2 className="app-heading-m">Set a new password</h2>
          <p className="app-body">
            For someone who has forgotten their password or is locked out after too many attempts.
            They will be signed out everywhere.
          </p>
          <NewPasswordField
            id="new-password"
            label="New password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to them in person or by phone.`}
            value={newPassword}
            onChange={setNewPassword}
            error={error?.targetId === 'new-password' ? error.text : undefined}
          />
          <button
            type="submit"
            name="intent"
            value="set-password"
            className="app-button app-button--secondary"
          >
            Set password
          </button>
        </ActionForm>
      )}

      <h2 className="app-heading-m">{disabling ? 'Disable account' : 'Enable account'}</h2>
      {isSelf ? (
        <p className="app-body">You cannot disable your own account. Ask another administrator.</p>
      ) : (
        <>
          <p className="app-body">
            {disabling
              ? 'They will be signed out at once and will not be able to sign in. You can enable the account again later.'
              : 'They will be able to sign in again with their password.'}
          </p>
          <button
            type="button"
            className={`app-button ${disabling ? 'app-button--warning' : 'app-button--secondary'}`}
            onClick={() => post([['intent', disabling ? 'disable' : 'enable']])}
          >
            {disabling ? 'Disable account' : 'Enable account'}
          </button>
        </>
      )}
      <p className="app-body">
        <Link to="/admin/accounts">Back to staff accounts</Link>
      </p>
    </>
  );
}

export const route = { loader, action, Component: AccountPage };
