import { Link, useLocation } from 'react-router';

/** The admin sections, one entry each (and one link on the overview page). */
const ITEMS = [
  { to: '/admin/waves', label: 'Waves' },
  { to: '/admin/instruments', label: 'Questionnaires' },
  { to: '/admin/accounts', label: 'Staff accounts' },
  { to: '/admin/settings', label: 'Minimum group size' },
  { to: '/admin/workforce-margins', label: 'Workforce margins' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/panel', label: 'Polling panel' },
] as const;

/** The admin pages' own navigation, under the header. */
export function AdminNav() {
  const { pathname } = useLocation();
  return (
    <nav className="app-sub-nav" aria-label="Administration">
      <ul className="app-sub-nav__list">
        <li className="app-sub-nav__item">
          <Link to="/admin" aria-current={pathname === '/admin' ? 'page' : undefined}>
            Overview
          </Link>
        </li>
        {ITEMS.map((item) => (
          <li className="app-sub-nav__item" key={item.to}>
            <Link
              to={item.to}
              aria-current={
                pathname === item.to || pathname.startsWith(`${item.to}/`) ? 'page' : undefined
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
