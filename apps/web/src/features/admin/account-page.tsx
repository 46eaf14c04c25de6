import { PASSWORD_MIN_LENGTH, type StaffAccountSummary } from '@swhc/contracts';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  listOrganisations,
  listStaffAccounts,
  setAccountDisabled,
  setAccountOrganisations,
  setAccountPassword,
  type StaffApiResult,
} from '../../api/staff-api';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  SelectField,
  SuccessBanner,
  usePageTitle,
} from '../../ui';
import { ROLE_LABELS, useStaffSession } from '../sign-in';
import { StatusTag } from './accounts-page';
import { AdminNav } from './admin-nav';
import { isTooShortPassword, NewPasswordField, PASSWORD_TOO_SHORT } from './new-password-field';
import { organisationChoice } from './organisation-choice';
import { useAdminData } from './use-admin-data';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  });

/** One staff account: its details, the LAs a PSW is bound to (add/remove), disable/enable. */
export function AccountPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { state: session, sessionEnded } = useStaffSession();
  const [accounts, reload] = useAdminData(listStaffAccounts);
  const [organisations] = useAdminData(listOrganisations);
  const [adding, setAdding] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [error, setError] = useState<ErrorSummaryItem | null>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );

  const account = accounts.status === 'ok' ? accounts.value.find((a) => a.id === id) : undefined;
  usePageTitle(account ? `Manage ${account.email}` : 'Manage staff account', error !== null);
  const isSelf = session.status === 'signed-in' && account?.email === session.staff.email;

  const options = useMemo(() => {
    if (organisations.status !== 'ok' || !account) return [];
    const bound = new Set(account.organisations.map((o) => o.gssCode));
    return organisations.value.filter((o) => !bound.has(o.gssCode)).map(organisationChoice);
  }, [organisations, account]);

  const afterChange = useCallback(
    (result: StaffApiResult<StaffAccountSummary>, done: string, targetId?: string) => {
      if (result.kind === 'ok') {
        setError(null);
        setNotice(done);
        reload();
      } else if (result.kind === 'signed-out') {
        sessionEnded();
      } else {
        setNotice(null);
        const text =
          result.kind === 'unavailable'
            ? 'Sorry, there is a problem with the service. Nothing was changed. Try again in a few minutes.'
            : result.kind === 'invalid' && result.errors[0]
              ? `${result.errors[0].message[0]?.toUpperCase() ?? ''}${result.errors[0].message.slice(1)}`
              : result.message;
        setError({ targetId, text });
      }
    },
    [reload, sessionEnded],
  );

  if (accounts.status === 'loading') return <p className="app-body">Loading…</p>;
  if (accounts.status === 'failed') return <p className="app-body">{accounts.message}</p>;
  if (!account) {
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

  const codes = account.organisations.map((o) => o.gssCode);
  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    if (!adding) {
      setNotice(null);
      setError({ targetId: 'add-organisation', text: 'Select a local authority to add' });
      return;
    }
    const name = options.find((o) => o.value === adding)?.label ?? adding;
    const result = await setAccountOrganisations(account.id, [...codes, adding]);
    setAdding('');
    afterChange(result, `${name} added.`, 'add-organisation');
  };
  const onRemove = async (gssCode: string, name: string) => {
    const result = await setAccountOrganisations(
      account.id,
      codes.filter((c) => c !== gssCode),
    );
    afterChange(result, `${name} removed.`);
  };
  const onSetPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (isTooShortPassword(newPassword)) {
      setNotice(null);
      setError({ targetId: 'new-password', text: PASSWORD_TOO_SHORT });
      return;
    }
    const result = await setAccountPassword(account.id, newPassword);
    if (result.kind === 'ok') setNewPassword('');
    afterChange(
      result,
      `New password set for ${account.email}. They have been signed out everywhere and can sign in with it now.`,
      'new-password',
    );
  };
  const onToggleDisabled = async () => {
    const disable = account.disabledAt === null;
    const result = await setAccountDisabled(account.id, disable);
    afterChange(
      result,
      disable
        ? `${account.email} is disabled and has been signed out everywhere.`
        : `${account.email} can sign in again.`,
    );
  };

  return (
    <>
      <AdminNav />
      {notice && !error ? (
        <SuccessBanner>
          <p className="app-body">{notice}</p>
        </SuccessBanner>
      ) : null}
      <ErrorSummary items={error ? [error] : []} />
      <span className="app-caption-l">Staff account</span>
      <h1 className="app-heading-l">{account.email}</h1>
      <dl className="app-summary-list">
        <div className="app-summary-list__row">
          <dt className="app-summary-list__key">Role</dt>
          <dd className="app-summary-list__value">{ROLE_LABELS[account.role]}</dd>
        </div>
        <div className="app-summary-list__row">
          <dt className="app-summary-list__key">Status</dt>
          <dd className="app-summary-list__value">
            <StatusTag account={account} />
            {account.disabledAt ? ` since ${dateTime(account.disabledAt)}` : null}
          </dd>
        </div>
        <div className="app-summary-list__row">
          <dt className="app-summary-list__key">Created</dt>
          <dd className="app-summary-list__value">{dateTime(account.createdAt)}</dd>
        </div>
      </dl>

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
                          onClick={() => void onRemove(o.gssCode, o.name)}
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
          <form noValidate onSubmit={(event) => void onAdd(event)}>
            <SelectField
              id="add-organisation"
              label="Add a local authority"
              placeholder="Choose a local authority"
              options={options}
              value={adding}
              onChange={setAdding}
              error={error?.targetId === 'add-organisation' ? error.text : undefined}
            />
            <button type="submit" className="app-button app-button--secondary">
              Add local authority
            </button>
          </form>
        </>
      ) : null}

      {isSelf ? null : (
        <form noValidate onSubmit={(event) => void onSetPassword(event)}>
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
          <button type="submit" className="app-button app-button--secondary">
            Set password
          </button>
        </form>
      )}

      <h2 className="app-heading-m">{account.disabledAt ? 'Enable account' : 'Disable account'}</h2>
      {isSelf ? (
        <p className="app-body">You cannot disable your own account. Ask another administrator.</p>
      ) : account.disabledAt ? (
        <>
          <p className="app-body">They will be able to sign in again with their password.</p>
          <button
            type="button"
            className="app-button app-button--secondary"
            onClick={() => void onToggleDisabled()}
          >
            Enable account
          </button>
        </>
      ) : (
        <>
          <p className="app-body">
            They will be signed out at once and will not be able to sign in. You can enable the
            account again later.
          </p>
          <button
            type="button"
            className="app-button app-button--warning"
            onClick={() => void onToggleDisabled()}
          >
            Disable account
          </button>
        </>
      )}
      <p className="app-body">
        <Link to="/admin/accounts">Back to staff accounts</Link>
      </p>
    </>
  );
}
