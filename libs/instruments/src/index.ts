export * from './instrument-definition';
export * from './instrument-registry';
export * from './survey-json';
export * from './validate-answers';
export * from './score-response';
export { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';
export * from './export-rules';
export * from './export-rules-registry';
