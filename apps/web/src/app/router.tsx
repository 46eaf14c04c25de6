import { createBrowserRouter, type RouteObject } from 'react-router';
import * as admin from '../features/admin';
import { HomePage, NotFoundPage } from '../features/home';
import * as panel from '../features/panel';
import { reportPage } from '../features/report';
import { exportsPage, nationalPage, researchPage, validationPage } from '../features/research';
import { posterPage, runHealthCheckPage } from '../features/run-health-check';
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
            ...takeSurveyPage,
            hydrateFallbackElement: <SurveyLoading />,
          },
          { path: 's/:code/thank-you', element: <ThankYouPage /> },
          {
            path: 'la/:gssCode',
            lazy: reportPage,
            hydrateFallbackElement: <Loading text="Loading the report…" />,
          },
          { path: 'la/:gssCode/survey', lazy: runHealthCheckPage },
          { path: 'la/:gssCode/survey/poster', lazy: posterPage },
          { path: 'sign-in', ...signInPage },
          { path: 'admin', lazy: admin.adminHomePage },
          { path: 'admin/accounts', lazy: admin.accountsPage },
          { path: 'admin/accounts/new', lazy: admin.createAccountPage },
          { path: 'admin/accounts/:id', lazy: admin.accountPage },
          { path: 'admin/waves', lazy: admin.wavesPage },
          { path: 'admin/waves/new', lazy: admin.waveFormPage },
          { path: 'admin/waves/:id', lazy: admin.wavePage },
          { path: 'admin/waves/:id/edit', lazy: admin.waveFormPage },
          { path: 'admin/instruments', lazy: admin.instrumentsPage },
          { path: 'admin/settings', lazy: admin.settingsPage },
          { path: 'admin/workforce-margins', lazy: admin.workforceMarginsPage },
          { path: 'admin/audit', lazy: admin.auditPage },
          { path: 'research', ...researchPage },
          { path: 'panel/join', lazy: panel.joinPage },
          { path: 'panel/join/check-email', element: <panel.CheckEmailPage /> },
          { path: 'panel/confirm', lazy: panel.confirmPage },
          { path: 'panel/confirmed', lazy: panel.confirmedPage },
          { path: 'panel/manage', lazy: panel.managePage },
          { path: 'panel/left', element: <panel.LeftPage /> },
          {
            path: 'panel/poll',
            ...panel.pollPage,
            hydrateFallbackElement: <Loading text="Loading the poll…" />,
          },
          { path: 'panel/poll/thank-you', element: <panel.PollThankYouPage /> },
          { path: 'admin/panel', lazy: panel.membersPage },
          { path: 'admin/panel/polls', lazy: panel.pollsPage },
          { path: 'admin/panel/polls/new', lazy: panel.newPollPage },
          { path: 'admin/panel/polls/:id', lazy: panel.adminPollPage },
          { path: 'admin/panel/margins', lazy: panel.marginsPage },
          { path: 'research/panel', lazy: panel.resultsHomePage },
          { path: 'research/panel/polls/:id', lazy: panel.pollResultsPage },
          { path: 'research/panel/trends/:id', lazy: panel.trendPage },
          { path: 'research/validation/:key/:version', lazy: validationPage },
          { path: 'research/exports', lazy: exportsPage },
          { path: 'research/national', lazy: nationalPage },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
