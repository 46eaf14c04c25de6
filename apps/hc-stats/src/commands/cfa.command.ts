import { fitCfa } from '@swhc/psychometrics';
import { DATA_FLAG, type Command } from './command';
import {
  GROUP_PARTIAL_FLAG,
  MODEL_FLAG,
  STD_LV_FLAG,
  cfaInputs,
  groupEqualOption,
  identificationOptions,
} from './cfa-inputs';
import { cfaJson, requireConverged } from './cfa-output';

/** Confirmatory factor analysis by ML as lavaan::cfa (listwise deletion, marker-variable scaling). */
export const cfaCommand: Command = {
  name: 'cfa',
  summary: 'confirmatory factor analysis (ML, as lavaan::cfa), optionally multi-group',
  flags: [
    DATA_FLAG,
    MODEL_FLAG,
    {
      name: 'group',
      kind: 'value',
      required: false,
      placeholder: 'COL',
      help: 'group column (text allowed); groups are numbered in order of first appearance',
    },
    {
      name: 'group-equal',
      kind: 'value',
      required: false,
      placeholder: 'loadings[,intercepts]',
      help: 'parameters held equal across groups: loadings, intercepts, means, residuals, residual.covariances, lv.variances, lv.covariances',
    },
    GROUP_PARTIAL_FLAG,
    STD_LV_FLAG,
    {
      name: 'modindices',
      kind: 'switch',
      required: false,
      help: 'add "modindices": lavaan\'s modification indices (mi) and expected parameter changes (epc)',
    },
  ],
  fileFlags: ['model'],
  run(input) {
    const groupEqual = groupEqualOption(input.options);
    const identification = identificationOptions(input.options);
    const { model, data, groups } = cfaInputs(input, false);
    const fit = fitCfa(data, model, {
      ...identification,
      ...(groups === undefined ? {} : { groups, groupEqual }),
      modificationIndices: input.options.has('modindices'),
      scoreTests: true,
    });
    requireConverged(fit, 'the CFA');
    return { json: cfaJson(fit, { groups: groups !== undefined }), warnings: fit.warnings };
  },
};
