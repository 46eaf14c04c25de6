import { Link } from 'react-router';
import { usePageTitle } from '../../ui';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">Page not found</h1>
      <p className="app-body">If you typed the web address, check it is correct.</p>
      <p className="app-body">
        If you pasted the web address, check you copied the entire address.
      </p>
      <p className="app-body">
        If you were sent a survey link, use the full link from your email or intranet page.{' '}
        <Link to="/">Go to the Social Work Health Check home page</Link>.
      </p>
    </div>
  );
}
