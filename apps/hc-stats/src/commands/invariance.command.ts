import { invariance } from '@swhc/psychometrics';
import { DATA_FLAG, type Command } from './command';
import {
  GROUP_PARTIAL_FLAG,
  MODEL_FLAG,
  STD_LV_FLAG,
  cfaInputs,
  identificationOptions,
} from './cfa-inputs';
import { cfaJson, prefixedWarnings, requireConverged } from './cfa-output';

/** Measurement invariance across groups: configural, metric and scalar fits and their chi-square tests. */
export const invarianceCommand: Command = {
  name: 'invariance',
  summary: 'configural, metric and scalar invariance fits with chi-square difference tests',
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
  ],
  fileFlags: ['model'],
  run(input) {
    const identification = identificationOptions(input.options);
    const { model, data, groups } = cfaInputs(input, true);
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
