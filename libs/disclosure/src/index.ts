// Public surface of libs/disclosure: small-cell protection for LA reports, panel polls and research exports.
export * from './errors';
export * from './minimum-group-size';
export * from './suppression-message';
export * from './suppress-groups';
export type { DimensionSpec, RespondentGroups } from './partition';
export { suppressAcrossDimensions } from './suppress-across-dimensions';
export type {
  CountCell,
  ProtectedDimension,
  ProtectedGroupedResults,
} from './suppress-across-dimensions';
export {
  MAX_ENUMERATED_GROUPS,
  assertNoDifferencing,
  findDifferencingViolations,
} from './differencing-audit';
export type { DifferencingViolation, VisibleSet } from './differencing-audit';
export {
  AGREE_NEUTRAL_DISAGREE,
  distributionUnsafeReason,
  protectDistribution,
  type DistributionCollapse,
  type DistributionSuppressionReason,
  type ProtectDistributionOptions,
  type ProtectedDistribution,
  type TwoWaySplit,
} from './protect-distribution';
export {
  protectGroupedDistributions,
  type GroupDistribution,
  type GroupDistributionInput,
  type ProtectGroupedOptions,
  type ProtectedGroupedDistributions,
} from './protect-grouped-distributions';
export * from './k-anonymity';
export * from './l-diversity';
export * from './anonymise';
