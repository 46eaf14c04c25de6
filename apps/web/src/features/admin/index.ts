// The admin pages load on demand (route modules: loader, action, Component): respondents never
// download them.
export const adminHomePage = () => import('./admin-home-page').then((m) => m.route);
export const accountsPage = () => import('./accounts-page').then((m) => m.route);
export const createAccountPage = () => import('./create-account-page').then((m) => m.route);
export const accountPage = () => import('./account-page').then((m) => m.route);
export const settingsPage = () => import('./settings-page').then((m) => m.route);
export const auditPage = () => import('./audit-page').then((m) => m.route);
export const wavesPage = () => import('./waves/waves-page').then((m) => m.route);
export const waveFormPage = () => import('./waves/wave-form-page').then((m) => m.route);
export const wavePage = () => import('./waves/wave-page').then((m) => m.route);
export const instrumentsPage = () => import('./instruments-page').then((m) => m.route);
export const workforceMarginsPage = () => import('./workforce-margins-page').then((m) => m.route);
