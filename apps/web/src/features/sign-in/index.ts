export * from './require-staff';
export * from './sign-in-page';
export * from './staff-header-bar';
export * from './staff-session';
