import { Link, useLocation } from 'react-router';
import { useStaffSession } from '../../../app/staff-session';
import '../panel.css';

const ITEMS = [
  { to: '/admin/panel', label: 'Members', admin: true, exact: true },
  { to: '/admin/panel/polls', label: 'Polls', admin: true, exact: false },
  { to: '/admin/panel/margins', label: 'Weighting margins', admin: true, exact: false },
  { to: '/research/panel', label: 'Results and trends', admin: false, exact: false },
] as const;

/** The polling panel's staff pages: members and polls for admins, results and trends for both. */
export function PanelNav() {
  const { pathname } = useLocation();
  const session = useStaffSession();
  const admin = session.status === 'signed-in' && session.staff.role === 'admin';
  return (
    <nav className="app-sub-nav" aria-label="Polling panel">
      <ul className="app-sub-nav__list">
        {ITEMS.filter((item) => admin || !item.admin).map((item) => (
          <li className="app-sub-nav__item" key={item.to}>
            <Link
              to={item.to}
              aria-current={
                pathname === item.to || (!item.exact && pathname.startsWith(`${item.to}/`))
                  ? 'page'
                  : undefined
              }
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
