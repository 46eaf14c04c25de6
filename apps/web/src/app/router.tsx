import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomePage, NotFoundPage } from '../features/home';
import { ReportPage } from '../features/report';
import { TakeSurveyPage, ThankYouPage } from '../features/take-survey';
import { Layout } from './layout';

const loading = (page: ReactNode) => (
  <Suspense fallback={<p className="app-body">Loading…</p>}>{page}</Suspense>
);

/**
 * Every journey adds its routes here. Planned: /sign-in, /la/:gssCode (PSW report), /admin/…
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 's/:code', element: loading(<TakeSurveyPage />) },
      { path: 's/:code/thank-you', element: loading(<ThankYouPage />) },
      { path: 'la/:gssCode', element: loading(<ReportPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
