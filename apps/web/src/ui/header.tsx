import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** `children`: what the header shows on the right, e.g. who is signed in. */
export function Header({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header" role="banner">
      <div className="app-width-container app-header__container">
        <Link to="/" className="app-header__service-name">
          Social Work Health Check
        </Link>
        {children}
      </div>
    </header>
  );
}
