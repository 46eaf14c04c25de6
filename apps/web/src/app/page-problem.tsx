import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { NotFoundPage } from '../features/home';
import { usePageTitle } from '../ui';
import { UnexpectedProblem } from './route-error-page';

function NoPermissionPage() {
  usePageTitle('You do not have permission to see this page');
  return (
    <>
      <h1 className="app-heading-xl">You do not have permission to see this page</h1>
      <p className="app-body">
        Your account cannot open this page. If you think it should, contact an administrator of the
        Social Work Health Check.
      </p>
    </>
  );
}

function ServiceProblemPage({ message }: { message: string }) {
  usePageTitle('Sorry, there is a problem with the service');
  const revalidator = useRevalidator();
  return (
    <>
      <h1 className="app-heading-xl">Sorry, there is a problem with the service</h1>
      <p className="app-body">{message}</p>
      <button
        type="button"
        className="app-button"
        onClick={() => void revalidator.revalidate()}
        disabled={revalidator.state === 'loading'}
      >
        Try again
      </button>
    </>
  );
}

const messageOf = (data: unknown) =>
  typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string'
    ? data.message
    : 'Try again in a few minutes.';

/** Inside the layout: what a loader or action ended the page with (see page-data.ts), or a crash. */
export function PageProblem() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return <NotFoundPage />;
    if (error.status === 403) return <NoPermissionPage />;
    if (error.status === 503) return <ServiceProblemPage message={messageOf(error.data)} />;
  }
  return <UnexpectedProblem error={error} />;
}
