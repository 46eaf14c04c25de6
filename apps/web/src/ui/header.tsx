import { Link } from 'react-router';

export function Header() {
  return (
    <header className="app-header" role="banner">
      <div className="app-width-container app-header__container">
        <Link to="/" className="app-header__service-name">
          Social Work Health Check
        </Link>
      </div>
    </header>
  );
}
