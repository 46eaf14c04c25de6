import { Link } from 'react-router';
import { MessagePage } from '../../ui';

export function NotFoundPage() {
  return (
    <MessagePage title="Page not found">
      <p className="app-body">If you typed the web address, check it is correct.</p>
      <p className="app-body">
        If you pasted the web address, check you copied the entire address.
      </p>
      <p className="app-body">
        If you were sent a survey link, use the full link from your email or intranet page.{' '}
        <Link to="/">Go to the Social Work Health Check home page</Link>.
      </p>
    </MessagePage>
  );
}
