export * from './error-summary';
export * from './footer';
export * from './header';
export * from './page-title';
export * from './panel';
export * from './phase-banner';
export * from './skip-link';
