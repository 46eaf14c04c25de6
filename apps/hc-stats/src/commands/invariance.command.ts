import { invariance } from '@swhc/psychometrics';
import { DATA_FLAG, type Command } from './command';
import { MODEL_FLAG, cfaInputs } from './cfa-inputs';
import { fitMeasuresJson, requireConverged } from './cfa-output';

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
  ],
  fileFlags: ['model'],
  run(input) {
    const { model, data, groups } = cfaInputs(input, true);
    const result = invariance(data, model, groups ?? []);
    requireConverged(result.configural, 'the configural model');
    requireConverged(result.metric, 'the metric model');
    requireConverged(result.scalar, 'the scalar model');
    return {
      configural: fitMeasuresJson(result.configural),
      metric: fitMeasuresJson(result.metric),
      scalar: fitMeasuresJson(result.scalar),
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
    };
  },
};
