import { createBrowserRouter, type RouteObject } from 'react-router';
import * as admin from '../features/admin';
import { HomePage, NotFoundPage } from '../features/home';
import { reportPage } from '../features/report';
import { exportsPage, researchPage, validationPage } from '../features/research';
import { signInPage } from '../features/sign-in';
import { SurveyLoading, takeSurveyPage, ThankYouPage } from '../features/take-survey';
import { Loading } from '../ui';
import { Layout } from './layout';
import { PageProblem } from './page-problem';
import { RouteErrorPage } from './route-error-page';

/**
 * Every page of the app. A page is a route module (its `loader`, `action` and `Component`; see
 * apps/web/README.md), loaded eagerly or on demand (`lazy`). Loaders and actions end a page early
 * with page-data.ts; `PageProblem` shows those ends inside the layout.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <PageProblem />,
        // Shown on the first load of a page until its code and data have arrived.
        hydrateFallbackElement: <Loading />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 's/:code',
            lazy: takeSurveyPage,
            hydrateFallbackElement: <SurveyLoading />,
          },
          { path: 's/:code/thank-you', element: <ThankYouPage /> },
          {
            path: 'la/:gssCode',
            lazy: reportPage,
            hydrateFallbackElement: <Loading text="Loading the report…" />,
          },
          { path: 'sign-in', ...signInPage },
          { path: 'admin', lazy: admin.adminHomePage },
          { path: 'admin/accounts', lazy: admin.accountsPage },
          { path: 'admin/accounts/new', lazy: admin.createAccountPage },
          { path: 'admin/accounts/:id', lazy: admin.accountPage },
          { path: 'admin/settings', lazy: admin.settingsPage },
          { path: 'admin/audit', lazy: admin.auditPage },
          { path: 'research', ...researchPage },
          { path: 'research/validation/:key/:version', lazy: validationPage },
          { path: 'research/exports', lazy: exportsPage },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
