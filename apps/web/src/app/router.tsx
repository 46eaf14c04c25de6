import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import {
  AccountPage,
  AccountsPage,
  AdminHomePage,
  AuditPage,
  CreateAccountPage,
  SettingsPage,
} from '../features/admin';
import { HomePage, NotFoundPage } from '../features/home';
import { ReportPage } from '../features/report';
import { ResearchPage } from '../features/research';
import { RequireStaff, SignInPage } from '../features/sign-in';
import { TakeSurveyPage, ThankYouPage } from '../features/take-survey';
import { Layout } from './layout';
import { RouteErrorPage } from './route-error-page';

const loading = (page: ReactNode) => (
  <Suspense fallback={<p className="app-body">Loading…</p>}>{page}</Suspense>
);

const adminOnly = (page: ReactNode) =>
  loading(<RequireStaff roles={['admin']}>{page}</RequireStaff>);

/**
 * Every journey adds its routes here. Planned: /sign-in, /la/:gssCode (PSW report), /admin/…
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 's/:code', element: loading(<TakeSurveyPage />) },
      { path: 's/:code/thank-you', element: loading(<ThankYouPage />) },
      { path: 'la/:gssCode', element: loading(<ReportPage />) },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'admin', element: adminOnly(<AdminHomePage />) },
      { path: 'admin/accounts', element: adminOnly(<AccountsPage />) },
      { path: 'admin/accounts/new', element: adminOnly(<CreateAccountPage />) },
      { path: 'admin/accounts/:id', element: adminOnly(<AccountPage />) },
      { path: 'admin/settings', element: adminOnly(<SettingsPage />) },
      { path: 'admin/audit', element: adminOnly(<AuditPage />) },
      {
        path: 'research',
        element: (
          <RequireStaff roles={['researcher', 'admin']}>
            <ResearchPage />
          </RequireStaff>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
