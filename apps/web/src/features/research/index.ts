export { route as researchPage } from './research-page';
// Loaded on demand: only researchers and administrators use them.
export const validationPage = () => import('./validation-page').then((m) => m.route);
export const exportsPage = () => import('./exports-page').then((m) => m.route);
export const nationalPage = () => import('./national-page').then((m) => m.route);
