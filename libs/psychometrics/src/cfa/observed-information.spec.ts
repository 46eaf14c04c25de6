/**
 * The closed-form observed information against the Hessian of F by central differences of the analytic
 * gradient (what lavaan's lav_model_hessian computes), away from the optimum too, where the
 * second-order terms of Σ(z) and μ(z) matter: complete data with and without a mean structure, two
 * groups with equality constraints, and incomplete rows (FIML).
 */
import { loadCsv } from '../../testing';
import { caseData, type CaseData } from './case-data';
import { emSaturated, patternDeviance } from './em-saturated';
import { FimlProblem } from './fiml';
import { MlProblem, type GroupStats } from './ml';
import { observedInformation } from './observed-information';
import { numericHessian } from './optimize';
import { compileModel } from './partable';
import { simpleStartValues, startValues } from './start';
import { parseModel } from './syntax';

const hs = loadCsv('holzinger-swineford-1939.csv');
const HS = 'visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9';

function statsOf(cd: CaseData, moments: { mean: Float64Array; cov: Float64Array }[]): GroupStats[] {
  const N = cd.cases.reduce((a, c) => a + c.n, 0);
  return cd.cases.map((c, g) => ({
    n: c.n,
    w: c.n / N,
    S: moments[g]!.cov,
    mean: moments[g]!.mean,
    logDetS: 0,
  }));
}

/** z between lavaan's start values and the simple ones: not an optimum, so G and h are not 0. */
function somewhere(cm: ReturnType<typeof compileModel>, stats: GroupStats[]): Float64Array {
  const a = startValues(cm, stats);
  const b = simpleStartValues(cm, stats);
  return a.map((v, i) => 0.7 * v + 0.3 * b[i]!);
}

function expectSameHessian(problem: MlProblem, z: Float64Array, cd: CaseData): void {
  const q = problem.nFree;
  const analytic = observedInformation(problem, z, cd.cases)!;
  const numeric = numericHessian(problem, z)!;
  let scale = 0;
  for (let i = 0; i < q * q; i++) scale = Math.max(scale, Math.abs(numeric[i]!));
  for (let i = 0; i < q * q; i++) {
    expect(Math.abs(analytic[i]! - numeric[i]!) / scale).toBeLessThan(1e-7);
  }
}

describe('observedInformation: the closed form equals the numerical Hessian of F', () => {
  it.each([
    ['no mean structure', false],
    ['with a mean structure', true],
  ])('complete data, %s', (_, meanStructure) => {
    const model = parseModel(HS);
    const cd = caseData(hs, model.observed, {}, 'listwise');
    const cm = compileModel(model, {
      nGroups: 1,
      meanStructure,
      stdLv: false,
      groupEqual: [],
      groupPartial: [],
    });
    const pat = cd.cases[0]!.patterns[0]!;
    const stats = statsOf(cd, [{ mean: pat.mean, cov: pat.cov }]);
    const problem = new MlProblem(cm, stats);
    expectSameHessian(problem, somewhere(cm, stats), cd);
  });

  it('two groups with loadings and intercepts held equal, std.lv', () => {
    const model = parseModel(HS);
    const cd = caseData(hs, model.observed, { groups: hs.textColumn('school') }, 'listwise');
    const cm = compileModel(model, {
      nGroups: 2,
      meanStructure: true,
      stdLv: true,
      groupEqual: ['loadings', 'intercepts'],
      groupPartial: [],
    });
    const stats = statsOf(
      cd,
      cd.cases.map((c) => ({ mean: c.patterns[0]!.mean, cov: c.patterns[0]!.cov })),
    );
    const problem = new MlProblem(cm, stats);
    expectSameHessian(problem, somewhere(cm, stats), cd);
  });

  it('incomplete rows (FIML)', () => {
    const data = loadCsv('sim-mcar.csv');
    const model = parseModel('f1 =~ y1 + y2 + y3 + y4\nf2 =~ y5 + y6 + y7 + y8');
    const cd = caseData(data, model.observed, {}, 'ml');
    const h1 = cd.cases.map((c) => emSaturated(c));
    const cm = compileModel(model, {
      nGroups: 1,
      meanStructure: true,
      stdLv: false,
      groupEqual: [],
      groupPartial: [],
    });
    const stats = statsOf(cd, h1);
    const problem = new FimlProblem(
      cm,
      stats,
      cd.cases.map((c, g) => ({
        cases: c,
        h1Deviance: patternDeviance(c.patterns, c.p, h1[g]!.mean, h1[g]!.cov) / c.n,
      })),
    );
    expectSameHessian(problem, somewhere(cm, stats), cd);
  });
});
