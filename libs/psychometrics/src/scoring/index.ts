export * from './errors';
export * from './data-access';
export * from './score-scale';
