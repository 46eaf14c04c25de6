// psych::alpha (psych 2.2.9) with keys= on the four simulated scales: pairwise covariances, ~5% missing.
import { alpha } from '../index';
import { TOLERANCE, deviationLog, loadCsv, simReference } from '../../testing';

const reference = simReference();
const survey = loadCsv('sim-staff-survey.csv');
const log = deviationLog('alpha vs psych::alpha (psych 2.2.9), simulated survey');

describe.each(Object.entries(reference.alpha))(
  'alpha on the %s scale vs psych::alpha',
  (_name, ref) => {
    const result = alpha(survey.select(ref.items), [...ref.items], {
      reverse: [...ref.reverse],
    });

    it('matches n, alpha, std.alpha, G6, average_r and the Feldt CI', () => {
      expect(result.n).toBe(ref.n);
      log.check('alpha', result.alpha, ref.raw_alpha, TOLERANCE.closedForm);
      log.check('std_alpha', result.stdAlpha, ref.std_alpha, TOLERANCE.closedForm);
      log.check('g6', result.g6, ref.g6, TOLERANCE.closedForm);
      log.check('average_r', result.averageR, ref.average_r, TOLERANCE.closedForm);
      log.check('feldt', result.ciFeldt[0], ref.feldt[0], TOLERANCE.closedForm);
      log.check('feldt', result.ciFeldt[1], ref.feldt[1], TOLERANCE.closedForm);
    });

    it('matches r.drop and alpha if dropped, item by item', () => {
      expect(result.items.map((i) => i.item)).toEqual(ref.items);
      result.items.forEach((item, i) => {
        log.check('r_drop', item.rDrop, ref.r_drop[i]!, TOLERANCE.closedForm);
        log.check(
          'alpha_if_dropped',
          item.alphaIfDropped,
          ref.alpha_if_dropped[i]!,
          TOLERANCE.closedForm,
        );
      });
    });
  },
);
