import { fitCfa } from '@swhc/psychometrics';
import { DATA_FLAG, type Command, type JsonObject } from './command';
import { MODEL_FLAG, cfaInputs, groupEqualOption } from './cfa-inputs';
import { estimatesJson, fitMeasuresJson, requireConverged } from './cfa-output';

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
      help: 'parameters held equal across groups',
    },
  ],
  fileFlags: ['model'],
  run(input) {
    const groupEqual = groupEqualOption(input.options);
    const { model, data, groups } = cfaInputs(input, false);
    const fit = fitCfa(data, model, groups === undefined ? {} : { groups, groupEqual });
    requireConverged(fit, 'the CFA');
    const labels: JsonObject = groups === undefined ? {} : { groups: fit.groups };
    return { ...fitMeasuresJson(fit), ...labels, estimates: estimatesJson(fit) };
  },
};
