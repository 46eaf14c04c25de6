/**
 * lavaan model syntax for CFA (lavaan 0.6-14, `?model.syntax`): `f =~ x1 + x2`, `x1 ~~ x4`,
 * `f1 ~~ 0*f2`, `x1 ~ 1`, modifiers `1*x` (fixed), `NA*x` (free), `a*x` (label: equal to every other
 * parameter with the same label, in every group), one modifier per group as `c(a, b)*x`,
 * `c(1, NA)*x` (lavaan's "multiple groups" modifiers), `#`/`!` comments, `;` between statements, a
 * statement continued on the next line after a trailing `+`. Regressions, defined parameters,
 * constraints and formative factors are not part of a CFA and are rejected with the line number.
 */
import { ModelSyntaxError } from './errors';

export type ModelOp = '=~' | '~~' | '~1';

/** What a `mod*` prefix says about a parameter. */
export interface ModelModifier {
  /** `1*x`: the parameter is fixed to this value. */
  readonly fixed?: number;
  /** `NA*x`: the parameter is free even where a default would fix it (e.g. the marker loading). */
  readonly free?: true;
  /** `a*x`: an equality label. */
  readonly label?: string;
}

/** One parameter named in the syntax, as a row of lavaan's user parameter table. */
export interface ModelStatement {
  readonly lhs: string;
  readonly op: ModelOp;
  /** The right-hand variable; '' for intercepts (`~1`). */
  readonly rhs: string;
  readonly modifier: ModelModifier;
  /** `c(a, b)*x`: one modifier per group, in group order (then `modifier` is `{}`). */
  readonly groupModifiers?: readonly ModelModifier[];
  /** 1-based line of the syntax it came from. */
  readonly line: number;
}

/** A parsed CFA model. Build it with {@link parseModel}; fitCfa also accepts the syntax string. */
export interface CfaModel {
  /** User-specified parameters in syntax order (lavaan's parTable order for user rows). */
  readonly statements: readonly ModelStatement[];
  /** Factors in order of first appearance on the left of `=~`. */
  readonly latent: readonly string[];
  /** Observed variables: indicators in order of appearance, then variables named only in `~~` / `~1`. */
  readonly observed: readonly string[];
  /** Indicators of each factor, in syntax order. */
  readonly indicators: Readonly<Record<string, readonly string[]>>;
  /** True when the syntax names an intercept or mean (`~ 1`), which switches on the mean structure. */
  readonly hasMeans: boolean;
}

const NAME = /^[A-Za-z_.][A-Za-z0-9_.]*$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

interface RawStatement {
  readonly text: string;
  readonly line: number;
}

/** Splits the syntax into statements, dropping comments and joining `+`-continued lines. */
function statements(syntax: string): RawStatement[] {
  const out: RawStatement[] = [];
  let pending: RawStatement | null = null;
  syntax.split(/\r\n|\r|\n/).forEach((raw, idx) => {
    const line = idx + 1;
    const code = raw.replace(/[#!].*$/, '');
    for (const piece of code.split(';')) {
      const text = piece.trim();
      if (text === '') continue;
      if (pending !== null) {
        pending = { text: `${pending.text} ${text}`, line: pending.line };
      } else if (/^[+]/.test(text) && out.length > 0) {
        const prev = out.pop()!;
        pending = { text: `${prev.text} ${text}`, line: prev.line };
      } else {
        pending = { text, line };
      }
      if (/(\+|=~|~~|~)\s*$/.test(pending.text)) continue; // continues on the next line
      out.push(pending);
      pending = null;
    }
  });
  if (pending !== null) {
    const p: RawStatement = pending;
    throw new ModelSyntaxError(p.line, `'${p.text}' ends with an operator and nothing follows`);
  }
  return out;
}

const UNSUPPORTED: readonly [RegExp, string][] = [
  [/:=/, 'defined parameters (:=) are not supported'],
  [/==/, 'equality constraints (==) are not supported; use a shared label such as a*x1 and a*x2'],
  [/<~/, 'formative factors (<~) are not supported'],
  [/~\*~/, 'scaling factors (~*~) are not supported'],
  [/\|/, 'thresholds (|) are not supported: the model is for continuous data'],
  [/[<>]/, 'inequality constraints (<, >) are not supported'],
];

function parseModifier(mod: string, line: number, term: string): ModelModifier {
  if (mod === 'NA') return { free: true };
  if (NUMBER.test(mod)) return { fixed: Number(mod) };
  const quoted = /^["'](.+)["']$/.exec(mod);
  const label = quoted ? quoted[1]! : mod;
  if (NAME.test(label)) return { label };
  throw new ModelSyntaxError(
    line,
    `cannot read the modifier '${mod}' in '${term}' (expected a number, NA or a label)`,
  );
}

interface Term {
  readonly name: string;
  readonly modifier: ModelModifier;
  readonly groupModifiers?: readonly ModelModifier[];
}

/** `c(a, b)*x` → one modifier per group; anything else is a single modifier. */
function parseModifiers(
  mod: string,
  line: number,
  term: string,
): Pick<Term, 'modifier' | 'groupModifiers'> {
  const vector = /^c\((.*)\)$/.exec(mod);
  if (vector === null) return { modifier: parseModifier(mod, line, term) };
  const parts = vector[1]!.split(',').map((x) => x.trim());
  if (parts.some((x) => x === '')) {
    throw new ModelSyntaxError(line, `'${mod}' in '${term}' has an empty element`);
  }
  return { modifier: {}, groupModifiers: parts.map((x) => parseModifier(x, line, term)) };
}

function parseTerms(rhs: string, line: number, op: string): Term[] {
  const parts = rhs.split('+').map((t) => t.trim());
  return parts.map((part) => {
    if (part === '') throw new ModelSyntaxError(line, `empty term on the right of '${op}'`);
    const bits = part.split('*').map((b) => b.trim());
    if (bits.length > 2) {
      throw new ModelSyntaxError(
        line,
        `'${part}' has more than one modifier; use one (a number, NA or a label)`,
      );
    }
    const name = bits[bits.length - 1]!;
    const modifiers = bits.length === 2 ? parseModifiers(bits[0]!, line, part) : { modifier: {} };
    if (op === '~') {
      if (name !== '1') {
        throw new ModelSyntaxError(
          line,
          `regressions ('~' with '${name}') are not supported: only factor loadings (=~), (co)variances (~~) and intercepts (~ 1)`,
        );
      }
    } else if (!NAME.test(name)) {
      throw new ModelSyntaxError(line, `'${name}' is not a valid variable name`);
    }
    return { name, ...modifiers };
  });
}

function sameModifier(a: ModelModifier, b: ModelModifier): boolean {
  return a.fixed === b.fixed && a.free === b.free && a.label === b.label;
}

function sameModifiers(a: Term, b: Term): boolean {
  const ga = a.groupModifiers ?? [];
  const gb = b.groupModifiers ?? [];
  return (
    sameModifier(a.modifier, b.modifier) &&
    ga.length === gb.length &&
    ga.every((m, i) => sameModifier(m, gb[i]!))
  );
}

/**
 * Parses lavaan model syntax into a {@link CfaModel}.
 * @throws ModelSyntaxError naming the line and the problem.
 */
export function parseModel(syntax: string): CfaModel {
  const raw: {
    lhs: string;
    op: ModelOp;
    rhs: string;
    modifier: ModelModifier;
    groupModifiers?: readonly ModelModifier[];
    line: number;
  }[] = [];
  for (const { text, line } of statements(syntax)) {
    for (const [re, problem] of UNSUPPORTED)
      if (re.test(text)) throw new ModelSyntaxError(line, problem);
    // after the loadings operator, any '=' left is a mistyped operator ('~=' for '=~', or a lone '=')
    const bad = /~=|=/.exec(text.replace(/=~/g, '  '));
    if (bad) {
      throw new ModelSyntaxError(
        line,
        `'${bad[0]}' is not an operator of the model syntax (a factor is defined with '=~', e.g. f =~ x1 + x2)`,
      );
    }
    const m = /^(.*?)(=~|~~|~)(.*)$/.exec(text);
    if (!m) {
      throw new ModelSyntaxError(line, `'${text}' has no operator (expected =~, ~~ or ~ 1)`);
    }
    const lhs = m[1]!.trim();
    const op = m[2]!;
    const rhs = m[3]!.trim();
    if (lhs === '') throw new ModelSyntaxError(line, `nothing on the left of '${op}'`);
    if (!NAME.test(lhs)) {
      throw new ModelSyntaxError(
        line,
        `'${lhs}' on the left of '${op}' is not a single variable name`,
      );
    }
    if (rhs === '') throw new ModelSyntaxError(line, `nothing on the right of '${op}'`);
    if (/(=~|~~|~)/.test(rhs))
      throw new ModelSyntaxError(line, `more than one operator in '${text}'`);
    for (const term of parseTerms(rhs, line, op)) {
      const mods = term.groupModifiers ? { groupModifiers: term.groupModifiers } : {};
      if (op === '~') raw.push({ lhs, op: '~1', rhs: '', modifier: term.modifier, ...mods, line });
      else
        raw.push({
          lhs,
          op: op as ModelOp,
          rhs: term.name,
          modifier: term.modifier,
          ...mods,
          line,
        });
    }
  }
  if (raw.length === 0) throw new ModelSyntaxError(0, 'the model is empty');

  const latent: string[] = [];
  for (const s of raw) if (s.op === '=~' && !latent.includes(s.lhs)) latent.push(s.lhs);
  if (latent.length === 0) {
    throw new ModelSyntaxError(
      0,
      "the model defines no factor: a CFA needs at least one 'factor =~ indicators' line",
    );
  }
  const isLatent = (v: string): boolean => latent.includes(v);
  const observed: string[] = [];
  const indicators: Record<string, string[]> = {};
  for (const f of latent) indicators[f] = [];
  for (const s of raw) {
    if (s.op !== '=~') continue;
    if (isLatent(s.rhs)) {
      throw new ModelSyntaxError(
        s.line,
        `'${s.rhs}' is a factor: higher-order factors are not supported`,
      );
    }
    if (!observed.includes(s.rhs)) observed.push(s.rhs);
    const list = indicators[s.lhs]!;
    if (!list.includes(s.rhs)) list.push(s.rhs);
  }
  for (const s of raw) {
    if (s.op === '~~') {
      if (isLatent(s.lhs) !== isLatent(s.rhs)) {
        throw new ModelSyntaxError(
          s.line,
          `covariances between a factor and an observed variable ('${s.lhs} ~~ ${s.rhs}') are not supported`,
        );
      }
      for (const v of [s.lhs, s.rhs]) if (!isLatent(v) && !observed.includes(v)) observed.push(v);
    } else if (s.op === '~1' && !isLatent(s.lhs) && !observed.includes(s.lhs)) {
      observed.push(s.lhs);
    }
  }

  // lavaan writes a covariance with the variable that comes first (in ov / lv order) on the left.
  const order = (v: string): number => (isLatent(v) ? latent.indexOf(v) : observed.indexOf(v));
  const out: ModelStatement[] = [];
  const seen = new Map<string, ModelStatement>();
  for (const s of raw) {
    let { lhs, rhs } = s;
    if (s.op === '~~' && order(rhs) < order(lhs)) [lhs, rhs] = [rhs, lhs];
    const key = `${lhs}${s.op}${rhs}`;
    const stmt: ModelStatement = {
      lhs,
      op: s.op,
      rhs,
      modifier: s.modifier,
      ...(s.groupModifiers ? { groupModifiers: s.groupModifiers } : {}),
      line: s.line,
    };
    const prev = seen.get(key);
    if (prev) {
      if (!sameModifiers({ name: '', ...prev }, { name: '', ...stmt })) {
        throw new ModelSyntaxError(
          s.line,
          `'${lhs} ${s.op} ${rhs || '1'}' is specified again (line ${prev.line}) with a different modifier`,
        );
      }
      continue;
    }
    seen.set(key, stmt);
    out.push(stmt);
  }
  return {
    statements: out,
    latent,
    observed,
    indicators,
    hasMeans: out.some((s) => s.op === '~1'),
  };
}

/** The parameter label lavaan prints, e.g. `visual=~x2`, `x1~~x1`, `x1~1`. */
export function parameterName(lhs: string, op: string, rhs: string): string {
  return `${lhs}${op}${rhs}`;
}
