export * from './descriptive';
export * from './welch';
