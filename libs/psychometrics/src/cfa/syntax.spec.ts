import { ModelSyntaxError, parseModel } from './index';

describe('parseModel (lavaan model syntax)', () => {
  it('reads factors, indicators and the observed-variable order', () => {
    const m = parseModel(`
      # Holzinger & Swineford
      visual  =~ x1 + x2 + x3
      textual =~ x4 + x5 + x6   ! a comment in lavaan's other style
      speed   =~ x7 + x8 + x9
    `);
    expect(m.latent).toEqual(['visual', 'textual', 'speed']);
    expect(m.observed).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9']);
    expect(m.indicators['textual']).toEqual(['x4', 'x5', 'x6']);
    expect(m.statements).toHaveLength(9);
    expect(m.statements[3]).toEqual({ lhs: 'textual', op: '=~', rhs: 'x4', modifier: {}, line: 4 });
    expect(m.hasMeans).toBe(false);
  });

  it('reads fixed values, NA, labels, covariances, intercepts, ; and + continuation', () => {
    const m = parseModel(
      'f1 =~ NA*x1 + 0.5*x2 + a*x3 +\n  a*x4; f2 =~ x5 + x6 + x7\nf1 ~~ 1*f1\nx5 ~~ x2\nf2 ~~ 0*f1\nx1 ~ 1',
    );
    const s = (lhs: string, op: string, rhs: string) =>
      m.statements.find((x) => x.lhs === lhs && x.op === op && x.rhs === rhs);
    expect(s('f1', '=~', 'x1')!.modifier).toEqual({ free: true });
    expect(s('f1', '=~', 'x2')!.modifier).toEqual({ fixed: 0.5 });
    expect(s('f1', '=~', 'x3')!.modifier).toEqual({ label: 'a' });
    expect(s('f1', '=~', 'x4')!.line).toBe(1);
    expect(s('f1', '~~', 'f1')!.modifier).toEqual({ fixed: 1 });
    // lavaan writes a covariance with the earlier variable first
    expect(s('x2', '~~', 'x5')).toBeDefined();
    expect(s('f1', '~~', 'f2')!.modifier).toEqual({ fixed: 0 });
    expect(s('x1', '~1', '')).toBeDefined();
    expect(m.hasMeans).toBe(true);
  });

  it("reads lavaan's per-group modifiers c(a, b)*x, c(1, NA)*x", () => {
    const m = parseModel('f =~ x1 + c(a, b)*x2 + c(0.5, NA)*x3\nx1 ~ c(i, i)*1');
    const s = (lhs: string, op: string, rhs: string) =>
      m.statements.find((x) => x.lhs === lhs && x.op === op && x.rhs === rhs)!;
    expect(s('f', '=~', 'x2').groupModifiers).toEqual([{ label: 'a' }, { label: 'b' }]);
    expect(s('f', '=~', 'x3').groupModifiers).toEqual([{ fixed: 0.5 }, { free: true }]);
    expect(s('x1', '~1', '').groupModifiers).toEqual([{ label: 'i' }, { label: 'i' }]);
    expect(s('f', '=~', 'x1').groupModifiers).toBeUndefined();
  });

  it('merges an exact duplicate like lavaan', () => {
    const m = parseModel('f =~ x1 + x2 + x3 + x1');
    expect(m.indicators['f']).toEqual(['x1', 'x2', 'x3']);
    expect(m.statements).toHaveLength(3);
  });

  const bad: [string, string][] = [
    ['f =~ x1 + x2\ny ~ x1', "model syntax, line 2: regressions ('~' with 'x1') are not supported"],
    ['f =~ x1 + + x2', "model syntax, line 1: empty term on the right of '=~'"],
    [
      'f =~ x1 + x2\n\nthis is not a model',
      "model syntax, line 3: 'this is not a model' has no operator",
    ],
    ['f =~', "model syntax, line 1: 'f =~' ends with an operator and nothing follows"],
    [
      'f g =~ x1 + x2',
      "model syntax, line 1: 'f g' on the left of '=~' is not a single variable name",
    ],
    ['f =~ x1 + 2x*x2', "model syntax, line 1: cannot read the modifier '2x'"],
    [
      'f =~ x1 + x2\nf ~~ x1',
      'model syntax, line 2: covariances between a factor and an observed variable',
    ],
    [
      'f =~ x1 + x2 + x3\ng =~ f + x4',
      "model syntax, line 2: 'f' is a factor: higher-order factors are not supported",
    ],
    ['f =~ x1 + x2\nab := a*b', 'model syntax, line 2: defined parameters (:=) are not supported'],
    ['f =~ x1 + x2\na == b', 'model syntax, line 2: equality constraints (==) are not supported'],
    [
      'x1 ~~ x2',
      "model syntax: the model defines no factor: a CFA needs at least one 'factor =~ indicators' line",
    ],
    ['  # only a comment\n', 'model syntax: the model is empty'],
    [
      'f =~ x1 + 1*x2\nf =~ 2*x2',
      "model syntax, line 2: 'f =~ x2' is specified again (line 1) with a different modifier",
    ],
    ['f =~ x1 + a*b*x2', "model syntax, line 1: 'a*b*x2' has more than one modifier"],
    // a mistyped loadings operator is a syntax error, not a regression
    [
      'f ~= x1 + x2 + x3',
      "model syntax, line 1: '~=' is not an operator of the model syntax (a factor is defined with '=~', e.g. f =~ x1 + x2)",
    ],
    ['f =~ x1 + x2\ng = x3 + x4', "model syntax, line 2: '=' is not an operator"],
    ['f =~ x1 + c(a, )*x2', "model syntax, line 1: 'c(a, )' in 'c(a, )*x2' has an empty element"],
  ];
  it.each(bad)('rejects %j naming the line and the problem', (syntax, message) => {
    expect(() => parseModel(syntax)).toThrow(ModelSyntaxError);
    expect(() => parseModel(syntax)).toThrow(message);
  });

  it('reports the line number as a property', () => {
    try {
      parseModel('f =~ x1 + x2\n\n\nf =~ x3 | t1');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(ModelSyntaxError);
      expect((e as ModelSyntaxError).line).toBe(4);
    }
  });
});
