// psych::alpha (psych 2.2.9) with keys= on the four simulated scales: pairwise covariances, ~5% missing.
import { alpha } from '../index';
import { DeviationLog, TOL, numericColumns, readFixtureCsv, reference } from './sim-fixtures';

const survey = readFixtureCsv('sim-staff-survey.csv');
const log = new DeviationLog();

describe.each(Object.entries(reference.alpha))(
  'alpha on the %s scale vs psych::alpha',
  (_name, ref) => {
    const result = alpha(numericColumns(survey, ref.items), [...ref.items], {
      reverse: [...ref.reverse],
    });

    it('matches n, alpha, std.alpha, G6, average_r and the Feldt CI', () => {
      expect(result.n).toBe(ref.n);
      log.check('alpha', result.alpha, ref.raw_alpha, TOL.closedForm);
      log.check('std_alpha', result.stdAlpha, ref.std_alpha, TOL.closedForm);
      log.check('g6', result.g6, ref.g6, TOL.closedForm);
      log.check('average_r', result.averageR, ref.average_r, TOL.closedForm);
      log.check('feldt', result.ciFeldt[0], ref.feldt[0], TOL.closedForm);
      log.check('feldt', result.ciFeldt[1], ref.feldt[1], TOL.closedForm);
    });

    it('matches r.drop and alpha if dropped, item by item', () => {
      expect(result.items.map((i) => i.item)).toEqual(ref.items);
      result.items.forEach((item, i) => {
        log.check('r_drop', item.rDrop, ref.r_drop[i]!, TOL.closedForm);
        log.check(
          'alpha_if_dropped',
          item.alphaIfDropped,
          ref.alpha_if_dropped[i]!,
          TOL.closedForm,
        );
      });
    });
  },
);

afterAll(() => {
  if (process.env.REFERENCE_DEVIATIONS)
    console.log(`alpha, largest relative deviation from R\n${log.summary()}`);
});
