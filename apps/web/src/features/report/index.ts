/** Loaded on demand: the report and its charts are not needed by the survey journey. */
export const reportPage = () => import('./report-page').then((m) => m.route);
