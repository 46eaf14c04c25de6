/** Loaded on demand: the report carries Chart.js, which the survey journey does not need. */
export const reportPage = () => import('./report-page').then((m) => m.route);
