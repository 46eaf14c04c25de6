// Test support for libs/psychometrics, apps/hc-stats and bench/stats (import '@swhc/psychometrics/testing').
// Never imported by the library itself: it reads files and uses Jest's afterAll.
export * from './closeness';
export * from './fixture-files';
export * from './references';
