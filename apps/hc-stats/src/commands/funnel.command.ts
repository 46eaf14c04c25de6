import { funnel, type Overdispersion } from '@swhc/psychometrics';
import { CliError } from '../cli/cli-error';
import { numericColumn, textColumn } from '../csv/csv-table';
import { DATA_FLAG, type Command } from './command';

const OVERDISPERSION: readonly Overdispersion[] = ['none', 'multiplicative', 'additive'];

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
    {
      name: 'overdispersion',
      kind: 'value',
      required: false,
      placeholder: 'none|multiplicative|additive',
      help: 'widen the limits for over-dispersion (Spiegelhalter 2005): none (default), multiplicative (phi) or additive (tau2)',
    },
  ],
  fileFlags: [],
  run({ table, options }) {
    const chosen = options.value('overdispersion') ?? 'none';
    const overdispersion = OVERDISPERSION.find((o) => o === chosen);
    if (overdispersion === undefined) {
      throw new CliError(`--overdispersion takes ${OVERDISPERSION.join(', ')}, not '${chosen}'`, 2);
    }
    const allValues = numericColumn(table, options.required('value'));
    const allUnits = textColumn(table, options.required('unit'));
    // A row without a unit label belongs to no unit: leave it out, as a missing value would be.
    const keep = allUnits.map((unit) => unit !== '');
    const result = funnel(
      allValues.filter((_, i) => keep[i]),
      allUnits.filter((_, i) => keep[i]),
      { overdispersion },
    );
    const json = {
      target: result.target,
      sigma: result.sigma,
      units: result.units.map((u) => ({
        unit: u.unit,
        n: u.n,
        mean: u.mean,
        z: u.z,
        outside95: u.outside95,
        outside998: u.outside998,
        se: u.se,
        z_adjusted: u.zAdjusted,
        limits95: [u.limits95[0], u.limits95[1]],
        limits998: [u.limits998[0], u.limits998[1]],
      })),
      z95: result.z95,
      z998: result.z998,
      overdispersion: result.overdispersion,
      adjusted: result.adjusted,
      phi: result.phi,
      phi_pvalue: result.phiPValue,
      tau2: result.tau2,
    };
    return { json, warnings: [] };
  },
};
