/**
 * fitCfa: a CFA fitted to the rows of a data set, as lavaan 0.6-14's cfa(data = …) with its
 * `estimator` and `missing` options:
 *
 * - ML, missing = "listwise" (the defaults): the fit depends on the rows only through their moments
 *   (fit.ts), after listwise deletion.
 * - MLR: the same estimates; Huber–White standard errors and the Yuan–Bentler scaled test from the
 *   rows' casewise scores (robust.ts), with lavaan's scaled and robust fit measures (robust-fit.ts).
 * - missing = "ml" (FIML): every row with at least one observed value counts, on the variables it
 *   observes (fiml.ts); the saturated model is fitted by EM (em-saturated.ts) and is the reference of
 *   chisq, SRMR and the baseline; standard errors from the observed information (lavaan's default for
 *   missing = "ml"), or the sandwich with MLR; robust CFI/TLI/RMSEA are lavaan's FIML-corrected ones
 *   (fiml-corrected.ts). A mean structure is always part of the model, as in lavaan.
 */
import type { DataSet } from '../data/data-set';
import { inverseSpd } from '../linalg';
import { independenceLogl, independenceMoments, independenceScoreTrace } from './baseline';
import { caseData, caseDataWarnings, type CaseData, type MissingPolicy } from './case-data';
import { emSaturated, patternDeviance } from './em-saturated';
import { CfaDataError } from './errors';
import {
  fitMomentsWith,
  type CfaEstimator,
  type CfaOptions,
  type CfaResult,
  type EstimatorResult,
  type FittedCfa,
} from './fit';
import { FimlProblem } from './fiml';
import { fimlCorrected } from './fiml-corrected';
import { h1FirstOrder, h1ObservedInformation } from './h1-information';
import { MlProblem } from './ml';
import { sampleMoments, type GroupingOptions, type SampleMoments } from './moments';
import { momentLayout } from './moments-layout';
import {
  completeDataH1Trace,
  invertedObservedInformation,
  sandwichCovariance,
  standardErrors,
} from './robust';
import { robustFit, scaledFit } from './robust-fit';
import { traceProduct } from './scaled-test';
import { firstOrderInformation } from './scores';
import { parseModel, type CfaModel } from './syntax';

const ESTIMATORS: readonly CfaEstimator[] = ['ML', 'MLR'];
const MISSING: readonly MissingPolicy[] = ['listwise', 'ml'];

/**
 * Fits a CFA to raw data. Groups come from `options.group` (a numeric column) or `options.groups` (one
 * string label per row); a row without a group label is left out.
 * @throws ModelSyntaxError, CfaDataError, NotPositiveDefiniteError (sample covariance), NotIdentifiedError,
 *   NonConvergenceError (only with `throwOnNonConvergence`).
 */
export function fitCfa(
  data: DataSet,
  model: string | CfaModel,
  options: CfaOptions = {},
): CfaResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  const estimator = options.estimator ?? 'ML';
  const missing = options.missing ?? 'listwise';
  if (!ESTIMATORS.includes(estimator)) {
    throw new CfaDataError(
      `unknown estimator '${String(estimator)}' (expected ${ESTIMATORS.join(' or ')})`,
    );
  }
  if (!MISSING.includes(missing)) {
    throw new CfaDataError(
      `unknown missing '${String(missing)}' (expected ${MISSING.join(' or ')})`,
    );
  }
  const grouping: GroupingOptions = { group: options.group, groups: options.groups };
  if (estimator === 'ML' && missing === 'listwise') {
    return fitMomentsWith(sampleMoments(data, parsed.observed, grouping), parsed, options, {});
  }
  if (options.modificationIndices || options.scoreTests) {
    // lavaan computes them from the estimator's own information; only the ML one is implemented
    throw new CfaDataError(
      `modification indices and score tests are available for estimator 'ML' with missing 'listwise' only, not estimator '${estimator}' with missing '${missing}'`,
    );
  }
  const cd = caseData(data, parsed.observed, grouping, missing);
  return missing === 'ml'
    ? fitFiml(cd, parsed, options, estimator)
    : fitRobustListwise(cd, parsed, options);
}

function momentsOf(
  cd: CaseData,
  cov: readonly Float64Array[],
  mean: readonly Float64Array[],
): SampleMoments {
  return {
    variables: cd.variables,
    groups: cd.groups,
    nPerGroup: cd.cases.map((c) => c.n),
    cov,
    mean,
    nDropped: cd.nDropped,
  };
}

/** Σ_g tr(A1_g⁻¹B1_g) − tr(B0 E⁻¹): the Yuan–Bentler trace (robust.ts). */
function yuanBentlerTrace(
  h1Traces: readonly number[],
  B0: Float64Array,
  Einv: Float64Array,
  q: number,
): number {
  return h1Traces.reduce((a, b) => a + b, 0) - traceProduct(B0, Einv, q);
}

/** MLR with listwise deletion. */
function fitRobustListwise(cd: CaseData, parsed: CfaModel, options: CfaOptions): CfaResult {
  const moments = momentsOf(
    cd,
    cd.cases.map((c) => c.patterns[0]!.cov),
    cd.cases.map((c) => c.patterns[0]!.mean),
  );
  const finish = (fitted: FittedCfa): EstimatorResult => {
    const { problem, z } = fitted;
    const q = problem.nFree;
    const N = cd.cases.reduce((a, c) => a + c.n, 0);
    const ms = fitted.cm.meanStructure;
    const { Einv } = invertedObservedInformation(problem, z, cd.cases);
    const B0 = firstOrderInformation(problem, z, cd.cases);
    const h1Traces = cd.cases.map((c) => completeDataH1Trace(c, ms));
    const baselineTrace =
      h1Traces.reduce((a, b) => a + b, 0) -
      cd.cases.reduce((a, c) => a + independenceScoreTrace(independenceMoments(c), ms), 0);
    return robustResult(fitted, {
      Einv,
      B0,
      N,
      q,
      traceUGamma: yuanBentlerTrace(h1Traces, B0, Einv, q),
      baselineTraceUGamma: baselineTrace,
      missing: 'listwise',
      warnings: [],
    });
  };
  return fitMomentsWith(moments, parsed, options, { finish });
}

interface RobustParts {
  readonly Einv: Float64Array;
  readonly B0: Float64Array;
  readonly N: number;
  readonly q: number;
  readonly traceUGamma: number;
  readonly baselineTraceUGamma: number;
  readonly missing: MissingPolicy;
  readonly warnings: readonly string[];
  /** Under FIML the robust indices are the FIML-corrected ones, not those of the scaled test. */
  readonly robustFrom?: Parameters<typeof robustFit>[0];
}

/** MLR: sandwich standard errors, the scaled test and the scaled and robust fit measures. */
function robustResult(fitted: FittedCfa, parts: RobustParts): EstimatorResult {
  const { Einv, B0, N, q } = parts;
  const vcov = sandwichCovariance(Einv, B0, q, N);
  const G = fitted.stats.length;
  const scaled = scaledFit({
    chisq: fitted.chisq,
    df: fitted.df,
    traceUGamma: parts.traceUGamma,
    baselineChisq: fitted.baselineChisq,
    baselineDf: fitted.baselineDf,
    baselineTraceUGamma: parts.baselineTraceUGamma,
    n: N,
    nGroups: G,
  });
  const robust = robustFit(
    parts.robustFrom ?? {
      chisq: fitted.chisq,
      df: fitted.df,
      scalingFactor: scaled.model.scalingFactor,
      chisqScaled: scaled.model.chisq,
      baselineChisq: fitted.baselineChisq,
      baselineDf: fitted.baselineDf,
      baselineScalingFactor: scaled.baseline.scalingFactor,
      n: N,
      nGroups: G,
    },
  );
  return {
    se: standardErrors(vcov, q),
    scaled: scaled.fit,
    robust,
    estimator: 'MLR',
    missing: parts.missing,
    warnings: parts.warnings,
  };
}

/** FIML (missing = 'ml'), with ML or MLR. */
function fitFiml(
  cd: CaseData,
  parsed: CfaModel,
  options: CfaOptions,
  estimator: CfaEstimator,
): CfaResult {
  const warnings = caseDataWarnings(cd);
  const h1 = cd.cases.map((c) => emSaturated(c, options.em));
  h1.forEach((m, g) => {
    if (!m.converged) {
      const where = cd.groups.length > 1 ? ` in group '${cd.groups[g]}'` : '';
      warnings.push(
        `the EM algorithm for the saturated model did not converge in ${m.iterations} iterations${where}; chisq and the fit measures are approximate`,
      );
    }
  });
  const independence = cd.cases.map(independenceMoments);
  const baselineChisq = cd.cases.reduce(
    (a, _, g) => a + 2 * (h1[g]!.logl - independenceLogl(independence[g]!)),
    0,
  );
  const groupsData = cd.cases.map((c, g) => ({
    cases: c,
    h1Deviance: patternDeviance(c.patterns, c.p, h1[g]!.mean, h1[g]!.cov) / c.n,
  }));
  const moments = momentsOf(
    cd,
    h1.map((m) => m.cov),
    h1.map((m) => m.mean),
  );
  const finish = (fitted: FittedCfa): EstimatorResult => {
    const { problem, z, cm, stats } = fitted;
    const q = problem.nFree;
    const N = cd.cases.reduce((a, c) => a + c.n, 0);
    const G = cd.cases.length;
    const K = momentLayout(cm.p, true).size;
    const { Einv } = invertedObservedInformation(problem, z, cd.cases);
    const Wm = cd.cases.map((c, g) => h1ObservedInformation(c, h1[g]!.mean, h1[g]!.cov));
    const Jm =
      estimator === 'MLR' ? cd.cases.map((c, g) => h1FirstOrder(c, h1[g]!.mean, h1[g]!.cov)) : null;
    const fc = fimlCorrected({
      completeData: new MlProblem(cm, stats),
      z,
      cases: cd.cases,
      h1,
      independence,
      Wm,
      Jm,
      df: fitted.df,
      baselineDf: fitted.baselineDf,
    });
    const robustFrom = {
      chisq: fc.chisq,
      df: fitted.df,
      scalingFactor: fc.scalingFactor,
      chisqScaled: fc.chisqScaled,
      baselineChisq: fc.baselineChisq,
      baselineDf: fitted.baselineDf,
      baselineScalingFactor: fc.baselineScalingFactor,
      n: N,
      nGroups: G,
    };
    if (estimator === 'ML') {
      const vcov = Einv.map((v) => v / N);
      return {
        se: standardErrors(vcov, q),
        scaled: null,
        robust: robustFit(robustFrom),
        estimator,
        missing: 'ml',
        warnings: [],
      };
    }
    const B0 = firstOrderInformation(problem, z, cd.cases);
    const h1Traces = Wm.map((W, g) =>
      traceProduct(inverseSpd(W, K, 'the saturated information'), Jm![g]!, K),
    );
    const baselineTrace =
      h1Traces.reduce((a, b) => a + b, 0) -
      independence.reduce((a, im) => a + independenceScoreTrace(im, true), 0);
    return robustResult(fitted, {
      Einv,
      B0,
      N,
      q,
      traceUGamma: yuanBentlerTrace(h1Traces, B0, Einv, q),
      baselineTraceUGamma: baselineTrace,
      missing: 'ml',
      warnings: [],
      robustFrom,
    });
  };
  const result = fitMomentsWith(
    moments,
    parsed,
    { ...options, meanStructure: true },
    {
      problem: (cm, stats) => new FimlProblem(cm, stats, groupsData),
      h1Logl: h1.map((m) => m.logl),
      baselineChisq,
      finish,
    },
  );
  return { ...result, warnings: [...warnings, ...result.warnings] };
}
