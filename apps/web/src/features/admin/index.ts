import { lazy } from 'react';

// The admin pages load on demand: respondents never download them.
export const AdminHomePage = lazy(() =>
  import('./admin-home-page').then((m) => ({ default: m.AdminHomePage })),
);
export const AccountsPage = lazy(() =>
  import('./accounts-page').then((m) => ({ default: m.AccountsPage })),
);
export const CreateAccountPage = lazy(() =>
  import('./create-account-page').then((m) => ({ default: m.CreateAccountPage })),
);
export const AccountPage = lazy(() =>
  import('./account-page').then((m) => ({ default: m.AccountPage })),
);
export const SettingsPage = lazy(() =>
  import('./settings-page').then((m) => ({ default: m.SettingsPage })),
);
export const AuditPage = lazy(() => import('./audit-page').then((m) => ({ default: m.AuditPage })));
