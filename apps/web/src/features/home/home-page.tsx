import { Link } from 'react-router';
import { usePageTitle } from '../../ui';

export function HomePage() {
  usePageTitle(undefined);
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">Social Work Health Check</h1>
      <p className="app-body-l">
        A free, standardised survey of how social workers in England are doing at work, run each
        year by local authorities’ children’s and adults’ services.
      </p>
      <h2 className="app-heading-m">If you are a social worker</h2>
      <p className="app-body">
        Your organisation will send you a link to its health check. It takes about 10 minutes on a
        computer or phone, and your answers are anonymous: we do not ask for your name or store
        anything that identifies you.
      </p>
      <p className="app-body">
        Results are only shown for groups of at least 10 people, so nobody can work out how you
        answered.
      </p>
      <p className="app-body">
        You can also <Link to="/panel/join">join the polling panel</Link>: a one-minute poll by
        email about every two weeks, on wellbeing, how you use research and issues of the day.
      </p>
      <h2 className="app-heading-m">
        If you are a principal social worker, researcher or administrator
      </h2>
      <p className="app-body">Sign in to see your organisation’s results or manage the service.</p>
      <Link to="/sign-in" className="app-button app-button--start" role="button" draggable={false}>
        Sign in
      </Link>
    </div>
  );
}
