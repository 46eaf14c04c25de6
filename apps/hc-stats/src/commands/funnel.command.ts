import { funnel } from '@swhc/psychometrics';
import { numericColumn, textColumn } from '../csv/csv-table';
import { DATA_FLAG, type Command } from './command';

/** Funnel-plot data for unit means against the overall mean (Spiegelhalter 2005, normal outcome). */
export const funnelCommand: Command = {
  name: 'funnel',
  summary: 'unit means against the overall mean with 95% / 99.8% funnel limits (z scores)',
  flags: [
    DATA_FLAG,
    { name: 'value', kind: 'value', required: true, placeholder: 'COL', help: 'numeric column' },
    {
      name: 'unit',
      kind: 'value',
      required: true,
      placeholder: 'COL',
      help: 'unit column (text allowed); units are listed sorted by name',
    },
  ],
  fileFlags: [],
  run({ table, options }) {
    const allValues = numericColumn(table, options.required('value'));
    const allUnits = textColumn(table, options.required('unit'));
    // A row without a unit label belongs to no unit: leave it out, as a missing value would be.
    const keep = allUnits.map((unit) => unit !== '');
    const result = funnel(
      allValues.filter((_, i) => keep[i]),
      allUnits.filter((_, i) => keep[i]),
    );
    return {
      target: result.target,
      sigma: result.sigma,
      units: result.units.map((u) => ({
        unit: u.unit,
        n: u.n,
        mean: u.mean,
        z: u.z,
        outside95: u.outside95,
        outside998: u.outside998,
      })),
    };
  },
};
