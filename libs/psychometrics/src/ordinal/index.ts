export * from './errors';
export { pbinorm, dbinorm } from './bivariate-normal';
export { ordinalSampleStatistics, polychoricCorrelations } from './sample-statistics';
export type {
  OrdinalGroupCorrelations,
  OrdinalGroupStatistics,
  OrdinalSampleStatistics,
  PolychoricCorrelations,
} from './sample-statistics';
export { ORDINAL_GROUP_EQUAL_VALUES } from './model';
export type { OrdinalGroupEqual, OrdinalOp, Parameterization } from './model';
export { fitOrdinalCfa, fitOrdinalCfaToStatistics } from './fit';
export type {
  OrdinalCfaEstimate,
  OrdinalCfaFitOptions,
  OrdinalCfaOptions,
  OrdinalCfaResult,
} from './fit';
export { scaledDifferenceTest } from './difference-test';
export type { ScaledDifferenceTest } from './difference-test';
export { ordinalInvariance, ordinalInvarianceFromStatistics } from './invariance';
export type {
  OrdinalInvarianceOptions,
  OrdinalInvarianceResult,
  OrdinalInvarianceStep,
  OrdinalInvarianceTest,
} from './invariance';
