import { invariance, ordinalInvariance } from '@swhc/psychometrics';
import { DATA_FLAG, type Command, type CommandOutput } from './command';
import {
  GROUP_PARTIAL_FLAG,
  MODEL_FLAG,
  ORDERED_FLAG,
  PARAMETERIZATION_FLAG,
  STD_LV_FLAG,
  cfaInputs,
  identificationOptions,
  orderedOption,
  parameterizationOption,
} from './cfa-inputs';
import { cfaJson, prefixedWarnings, requireConverged } from './cfa-output';

/**
 * Measurement invariance across groups: configural, metric and scalar fits and their chi-square tests; with
 * --ordered, configural, thresholds and thresholds + loadings fits (WLSMV) and Satorra's (2000) tests.
 */
export const invarianceCommand: Command = {
  name: 'invariance',
  summary:
    'configural, metric and scalar invariance fits with chi-square difference tests (--ordered: configural, thresholds, thresholds + loadings by WLSMV)',
  flags: [
    DATA_FLAG,
    MODEL_FLAG,
    {
      name: 'group',
      kind: 'value',
      required: true,
      placeholder: 'COL',
      help: 'group column (text allowed)',
    },
    GROUP_PARTIAL_FLAG,
    STD_LV_FLAG,
    ORDERED_FLAG,
    PARAMETERIZATION_FLAG,
  ],
  fileFlags: ['model'],
  run(input): CommandOutput {
    const identification = identificationOptions(input.options);
    const { model, data, groups } = cfaInputs(input, true);
    const ordered = orderedOption(input.options, model);
    if (ordered !== undefined) {
      const result = ordinalInvariance(
        data,
        model,
        { groups: groups ?? [] },
        { ...identification, ordered, parameterization: parameterizationOption(input.options) },
      );
      const steps = [
        ['configural', result.configural],
        ['thresholds', result.thresholds],
        ['thresholds_loadings', result.thresholdsLoadings],
      ] as const;
      for (const [name, fit] of steps)
        requireConverged(fit, `the ${name.replace('_', ' + ')} model`);
      return {
        json: {
          configural: cfaJson(result.configural, { groups: true }),
          thresholds: cfaJson(result.thresholds, { groups: true }),
          thresholds_loadings: cfaJson(result.thresholdsLoadings, { groups: true }),
          // lavTestLRT(m1, m0, method = "satorra.2000"): each step against the one before it
          tests: result.tests.map((t) => ({
            from: t.against === 'configural' ? 'configural' : 'thresholds',
            to: t.model === 'thresholds' ? 'thresholds' : 'thresholds_loadings',
            method: t.method,
            chisq_diff: t.chisqDiff,
            df_diff: t.dfDiff,
            p: t.pvalue,
            scale: t.scale,
            shift: t.shift,
            delta_cfi_scaled: t.deltaCfiScaled,
            delta_rmsea_scaled: t.deltaRmseaScaled,
          })),
        },
        warnings: prefixedWarnings(steps),
      };
    }
    const result = invariance(data, model, groups ?? [], { ...identification, scoreTests: true });
    const levels = [
      ['configural', result.configural],
      ['metric', result.metric],
      ['scalar', result.scalar],
    ] as const;
    for (const [name, fit] of levels) requireConverged(fit, `the ${name} model`);
    return {
      json: {
        configural: cfaJson(result.configural, { groups: true }),
        metric: cfaJson(result.metric, { groups: true }),
        scalar: cfaJson(result.scalar, { groups: true }),
        // lavTestLRT order: each constrained model against the less constrained one before it.
        tests: result.tests.map((t) => ({
          from: t.against,
          to: t.model,
          chisq_diff: t.deltaChisq,
          df_diff: t.deltaDf,
          p: t.p,
          delta_cfi: t.deltaCfi,
          delta_rmsea: t.deltaRmsea,
        })),
      },
      warnings: prefixedWarnings(levels),
    };
  },
};
