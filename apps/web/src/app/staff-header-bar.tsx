import { Link, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS, staffSession, useStaffSession } from './staff-session';

/** In the header of staff pages: who is signed in (email, role, LAs) with sign-out; or a sign-in link. */
export function StaffHeaderBar() {
  const state = useStaffSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();

  if (state.status !== 'signed-in') {
    if (state.status !== 'signed-out' || pathname === '/sign-in') return null;
    return (
      <nav className="app-account-nav" aria-label="Account">
        <ul className="app-account-nav__list">
          <li>
            <Link to="/sign-in">Sign in</Link>
          </li>
        </ul>
      </nav>
    );
  }

  const { staff } = state;
  const onSignOut = async () => {
    if (await staffSession.signOut()) void navigate('/sign-in?signed-out=1');
  };
  return (
    <nav className="app-account-nav" aria-label="Account">
      <p className="app-account-nav__who">
        <span className="app-visually-hidden">Signed in as </span>
        {staff.email}
        {' · '}
        <span className="app-account-nav__role">{ROLE_LABELS[staff.role]}</span>
        {staff.organisations.length > 0
          ? ` · ${staff.organisations.map((o) => o.name).join(', ')}`
          : null}
      </p>
      <ul className="app-account-nav__list">
        {staff.role === 'psw'
          ? staff.organisations.flatMap((o) => [
              <li key={`${o.gssCode}-run`}>
                <Link to={`/la/${o.gssCode}/survey`}>
                  {staff.organisations.length > 1
                    ? `Run ${o.name}’s health check`
                    : 'Run your health check'}
                </Link>
              </li>,
              <li key={o.gssCode}>
                <Link to={`/la/${o.gssCode}`}>
                  {staff.organisations.length > 1 ? `${o.name} results` : 'Your results'}
                </Link>
              </li>,
            ])
          : null}
        {staff.role === 'admin' ? (
          <li>
            <Link to="/admin">Administration</Link>
          </li>
        ) : null}
        {staff.role === 'researcher' ? (
          <li>
            <Link to="/research">Research</Link>
          </li>
        ) : null}
        <li>
          <button type="button" className="app-link-button" onClick={() => void onSignOut()}>
            Sign out
          </button>
        </li>
      </ul>
    </nav>
  );
}
