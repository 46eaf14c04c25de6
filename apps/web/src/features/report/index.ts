import { lazy } from 'react';

/** Loaded on demand: the report carries Chart.js, which the survey journey does not need. */
export const ReportPage = lazy(() => import('./report-page'));
