// Public surface of libs/psychometrics: one export line per topic folder.
export * from './errors';
export * from './data/data-set';
// distributions: R-compatible pnorm/qnorm, pt/qt, pf/qf, pchisq(q, df, ncp, lowerTail)/qchisq, lgamma.
export * from './distributions';
export * from './scoring';
export * from './reliability/alpha';
// compare: welch(x, y) and hedgesG(x, y) follow R's t.test(x, y): differences are FIRST − SECOND, so
// the CLI's "B − A" is welch(b, a) / hedgesG(b, a). hedgesG.g uses J = 1 − 3/(4(n1+n2) − 9) (jExact too).
// Also mean, variance, sd, covariance (NaN skipped, n − 1) and meanConfidenceInterval.
export * from './compare';
// weighting: rake(rows, margins, { epsilon = 1e-10, maxPasses = 100 }) with survey::rake's stopping rule;
// rows are string[] (positional, margins an array of Map/Record) or Record<variable, level> (margins a
// Record<variable, ...>). `iterations` counts sweeps; non-convergence throws RakeNonConvergenceError
// unless { allowNonConvergence: true }. Also kishDeff(weights), weightedMean(values, weights), and
// proportionInterval(outcomes, weights?) — Wilson interval with Kish's effective n (prop.test unweighted),
// weightedMeanInterval(values, weights?, level) — svymean's mean and SE (weights fixed), t CI with n − 1 df.
export * from './weighting';
// drivers: shapleyR2(data, outcome, predictors, { weights? }) → { n, r2, shapley: number[] in predictor
// order, shares: Record<predictor, number> }.
export * from './drivers';
// funnel: funnel(values, unitLabels, options) or funnel([{ unit, values }], options); options
// { overdispersion: 'none' | 'multiplicative' | 'additive', onlyIfSignificant, minN }. Units carry z
// (unadjusted) and zAdjusted; flags and limits follow the adjustment when it is applied.
export * from './funnel';
// linalg: dense row-major Float64Array helpers — cholesky/tryCholesky, choleskySolve/Inverse/LogDet,
// inverseSpd/logDetSpd/solveSpd, lu/solve/inverse/determinant (general), symmetricEigen (Jacobi).
export * from './linalg';
// cfa: parseModel(syntax), fitCfa(data, model, { group | groups (one string label per row), groupEqual,
// groupPartial, meanStructure, stdLv, modificationIndices, scoreTests, maxIterations,
// throwOnNonConvergence }), fitCfaToMoments(sampleMoments(data, vars, { groups }), model, options),
// invariance(data, model, groups) / invarianceFromMoments. CfaResult has lavaan's fit measures (chisq,
// df, cfi, …, logl/aic/bic/bic2) plus npar, chisqGroup, baseline*, rmseaPvalue, srmrGroup, warnings;
// each estimate has se, z, pvalue, stdLv, stdAll; modificationIndices and scoreTests when asked for;
// rmseaCiLowerLavaan/UpperLavaan (lavaan's uniroot tolerance; rmseaCiLower/Upper are the exact roots).
// R's NA is NaN (pvalue when df = 0).
export * from './cfa';
// omegaTotal(data, items, { reverse }) → { n, omegaTotal = (Σλ)²/((Σλ)²+Σθ) (compRelSEM obs.var=FALSE),
// loadings: Record<item, λ> (std.lv; common sign arbitrary), residualVariances, omegaObservedVariance
// (compRelSEM default), fit, warnings (mixed-sign loadings) }.
export * from './reliability/omega';
// ordinal: categorical CFA by WLSMV as lavaan's cfa(..., ordered = ..., estimator = "WLSMV") —
// fitOrdinalCfa(data, model, { ordered: 'all' | names, group | groups, groupEqual: thresholds/loadings/…,
// parameterization: 'delta' | 'theta', stdLv }) → OrdinalCfaResult (thresholds as `|` estimates, robust
// SEs, chisqScaled/dfScaled/pvalueScaled, scaling factor and shift, cfi/tli/rmsea with *Scaled and
// *Robust, srmr, stdLv/stdAll per estimate, the sample statistics); ordinalSampleStatistics (thresholds,
// polychorics, Gamma); ordinalInvariance (configural → thresholds → thresholds + loadings with
// Satorra-2000 tests); scaledDifferenceTest(fitA, fitB).
export * from './ordinal';
