/**
 * The parameter table: lavaan's `lavaanify()` defaults for `cfa()` (lavaan 0.6-14 lav_partable_flat),
 * in lavaan's row order — user rows in syntax order, then residual variances, factor variances, factor
 * covariances, intercepts and latent means that lavaan adds — repeated per group.
 *
 * Defaults: the first loading of each factor fixed to 1 (`auto.fix.first`) unless `std.lv`, which
 * fixes factor variances to 1 instead; residual variances free; factor covariances free; residual
 * covariances 0; with a mean structure, intercepts free and latent means fixed to 0 — except in groups
 * 2..G when intercepts are held equal, where latent means are free (and, with std.lv and equal loadings,
 * the factor variances of groups 2..G are free too). Equality (group.equal, labels) is
 * a map from rows to a reduced parameter vector z, so x = K·z with K a 0/1 selection matrix.
 */
import type { CfaModel, ModelModifier, ModelOp } from './syntax';
import { CfaDataError, NotIdentifiedError } from './errors';

/** Parameter classes lavaan's `group.equal` can hold equal across groups. */
export type GroupEqual =
  | 'loadings'
  | 'intercepts'
  | 'means'
  | 'residuals'
  | 'residual.covariances'
  | 'lv.variances'
  | 'lv.covariances';

export const GROUP_EQUAL_VALUES: readonly GroupEqual[] = [
  'loadings',
  'intercepts',
  'means',
  'residuals',
  'residual.covariances',
  'lv.variances',
  'lv.covariances',
];

export type MatrixKind = 'lambda' | 'theta' | 'psi' | 'nu' | 'alpha';

export interface ParRow {
  readonly lhs: string;
  readonly op: ModelOp;
  readonly rhs: string;
  /** 1-based group. */
  readonly group: number;
  readonly mat: MatrixKind;
  /** Row and column in the group's matrix (for nu/alpha: row = index, col = 0). */
  readonly row: number;
  readonly col: number;
  /** Index into z, or −1 when fixed. */
  readonly free: number;
  /** The fixed value (fixed rows); 0 for free rows until starting values are set. */
  readonly value: number;
  readonly label: string;
}

export interface CompiledModel {
  readonly ov: readonly string[];
  readonly lv: readonly string[];
  readonly p: number;
  readonly m: number;
  readonly nGroups: number;
  readonly meanStructure: boolean;
  readonly stdLv: boolean;
  readonly rows: readonly ParRow[];
  /** Length of z. */
  readonly nFree: number;
  /** Row indices of each z element (more than one when tied). */
  readonly zRows: readonly (readonly number[])[];
  /** lavaan-style name of each z element (first row), e.g. "visual=~x2@g1". */
  readonly zNames: readonly string[];
}

export interface CompileOptions {
  readonly nGroups: number;
  readonly meanStructure: boolean;
  readonly stdLv: boolean;
  readonly groupEqual: readonly GroupEqual[];
  /** lavaan `group.partial`: parameters exempt from `groupEqual`, as `parameterName` keys ("x3~1"). */
  readonly groupPartial?: readonly string[];
}

function equalClass(
  op: ModelOp,
  lhs: string,
  rhs: string,
  isLatent: (v: string) => boolean,
): GroupEqual {
  if (op === '=~') return 'loadings';
  if (op === '~1') return isLatent(lhs) ? 'means' : 'intercepts';
  if (isLatent(lhs)) return lhs === rhs ? 'lv.variances' : 'lv.covariances';
  return lhs === rhs ? 'residuals' : 'residual.covariances';
}

export function compileModel(model: CfaModel, options: CompileOptions): CompiledModel {
  const ov = model.observed;
  const lv = model.latent;
  const p = ov.length;
  const m = lv.length;
  const G = options.nGroups;
  const meanStructure = options.meanStructure || model.hasMeans;
  const isLatent = (v: string): boolean => lv.includes(v);
  const equal = new Set(options.groupEqual);

  for (const f of lv) {
    const ind = model.indicators[f] ?? [];
    if (ind.length === 0) throw new NotIdentifiedError(`factor '${f}' has no indicators`);
  }

  interface Spec {
    lhs: string;
    op: ModelOp;
    rhs: string;
    /** Free/fixed and label per group (one entry when the same in every group). */
    perGroup: readonly { free: boolean; value: number; label: string }[];
  }
  const userKey = new Set(model.statements.map((s) => `${s.lhs}${s.op}${s.rhs}`));
  const specs: Spec[] = [];
  const firstIndicator = new Map(lv.map((f) => [f, model.indicators[f]![0]!]));
  const fromModifier = (
    mod: ModelModifier,
    defaultFree: boolean,
    defaultValue: number,
  ): { free: boolean; value: number; label: string } => {
    const label = mod.label ?? '';
    if (mod.fixed !== undefined) return { free: false, value: mod.fixed, label };
    if (mod.free) return { free: true, value: 0, label };
    return { free: defaultFree, value: defaultFree ? 0 : defaultValue, label };
  };
  // 1. user rows
  for (const s of model.statements) {
    let defaultFree: boolean;
    let defaultValue = 0;
    if (s.op === '=~') {
      defaultFree = options.stdLv || firstIndicator.get(s.lhs) !== s.rhs;
      defaultValue = 1;
    } else if (s.op === '~~') {
      defaultFree = !(isLatent(s.lhs) && s.lhs === s.rhs && options.stdLv);
      defaultValue = 1;
    } else {
      // ~1 named by the user: free unless fixed (lavaan frees what the syntax names)
      defaultFree = true;
    }
    const mods = s.groupModifiers ?? [s.modifier];
    if (s.groupModifiers && s.groupModifiers.length !== G) {
      throw new CfaDataError(
        `line ${s.line}: '${s.lhs} ${s.op} ${s.rhs || '1'}' has ${s.groupModifiers.length} modifiers in c(...) but the data have ${G} group(s)`,
      );
    }
    specs.push({
      lhs: s.lhs,
      op: s.op,
      rhs: s.rhs,
      perGroup: mods.map((m) => fromModifier(m, defaultFree, defaultValue)),
    });
  }
  const add = (lhs: string, op: ModelOp, rhs: string, free: boolean, value: number): void => {
    if (userKey.has(`${lhs}${op}${rhs}`)) return;
    specs.push({ lhs, op, rhs, perGroup: [{ free, value, label: '' }] });
  };
  // 2. residual variances, 3. factor variances, 4. factor covariances (combn order)
  for (const v of ov) add(v, '~~', v, true, 0);
  for (const f of lv) add(f, '~~', f, !options.stdLv, 1);
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) add(lv[a]!, '~~', lv[b]!, true, 0);
  // 5. intercepts, 6. latent means
  const userMeans = new Set(model.statements.filter((s) => s.op === '~1').map((s) => s.lhs));
  if (meanStructure) {
    for (const v of ov) add(v, '~1', '', true, 0);
    for (const f of lv) add(f, '~1', '', false, 0);
  }

  const rows: ParRow[] = [];
  const zRows: number[][] = [];
  const zNames: string[] = [];
  const tieKey = new Map<string, number>();
  // lav_partable_flat: latent means are free in groups 2..G when intercepts are held equal (unless the
  // means are held equal too, which keeps them at group 1's 0)
  const latentMeansFree = equal.has('intercepts') && !equal.has('means');
  const partial = new Set(options.groupPartial ?? []);
  for (let g = 1; g <= G; g++) {
    for (const s of specs) {
      const own = s.perGroup.length > 1 ? s.perGroup[g - 1]! : s.perGroup[0]!;
      let free = own.free;
      let value = own.value;
      const label = own.label;
      // groups 2..G (lav_partable_flat): latent means are free when intercepts are held equal, and with
      // std.lv the factor variances are free when loadings are held equal (unless lv.variances are too)
      if (s.op === '~1' && isLatent(s.lhs) && !userMeans.has(s.lhs) && g > 1 && latentMeansFree) {
        free = true;
        value = 0;
      }
      if (
        g > 1 &&
        options.stdLv &&
        s.op === '~~' &&
        s.lhs === s.rhs &&
        isLatent(s.lhs) &&
        !userKey.has(`${s.lhs}~~${s.rhs}`) &&
        equal.has('loadings') &&
        !equal.has('lv.variances')
      ) {
        free = true;
        value = 0;
      }
      let mat: MatrixKind;
      let r: number;
      let c: number;
      if (s.op === '=~') {
        mat = 'lambda';
        r = ov.indexOf(s.rhs);
        c = lv.indexOf(s.lhs);
      } else if (s.op === '~1') {
        mat = isLatent(s.lhs) ? 'alpha' : 'nu';
        r = isLatent(s.lhs) ? lv.indexOf(s.lhs) : ov.indexOf(s.lhs);
        c = 0;
      } else if (isLatent(s.lhs)) {
        mat = 'psi';
        r = lv.indexOf(s.lhs);
        c = lv.indexOf(s.rhs);
      } else {
        mat = 'theta';
        r = ov.indexOf(s.lhs);
        c = ov.indexOf(s.rhs);
      }
      let zi = -1;
      if (free) {
        let key: string | null = null;
        if (label !== '') key = `label:${label}`;
        else {
          const cls = equalClass(s.op, s.lhs, s.rhs, isLatent);
          const name = `${s.lhs}${s.op}${s.rhs}`;
          if (equal.has(cls) && !partial.has(name)) key = `eq:${name}`;
        }
        const existing = key === null ? undefined : tieKey.get(key);
        if (existing !== undefined) {
          zi = existing;
        } else {
          zi = zRows.length;
          zRows.push([]);
          zNames.push(`${s.lhs}${s.op}${s.rhs}@g${g}`);
          if (key !== null) tieKey.set(key, zi);
        }
        zRows[zi]!.push(rows.length);
      }
      rows.push({
        lhs: s.lhs,
        op: s.op,
        rhs: s.rhs,
        group: g,
        mat,
        row: r,
        col: c,
        free: zi,
        value,
        label,
      });
    }
  }
  return {
    ov,
    lv,
    p,
    m,
    nGroups: G,
    meanStructure,
    stdLv: options.stdLv,
    rows,
    nFree: zRows.length,
    zRows,
    zNames,
  };
}

/** Number of sample moments per group: p(p+1)/2 variances/covariances (+ p means with a mean structure). */
export function momentsPerGroup(p: number, meanStructure: boolean): number {
  return (p * (p + 1)) / 2 + (meanStructure ? p : 0);
}

/**
 * Structural identification checks that do not need the data (lavaan's identification rules of thumb):
 * enough moments for the free parameters, and no single-indicator factor with a free residual variance.
 * @throws NotIdentifiedError
 */
export function checkIdentification(cm: CompiledModel, model: CfaModel): void {
  const moments = cm.nGroups * momentsPerGroup(cm.p, cm.meanStructure);
  if (cm.nFree > moments) {
    throw new NotIdentifiedError(
      `the model has ${cm.nFree} free parameters but the data give only ${moments} sample moments (df = ${moments - cm.nFree})`,
    );
  }
  for (const f of cm.lv) {
    const ind = model.indicators[f]!;
    if (ind.length !== 1) continue;
    const x = ind[0]!;
    const theta = cm.rows.filter((r) => r.mat === 'theta' && r.lhs === x && r.rhs === x);
    const lambda = cm.rows.filter((r) => r.mat === 'lambda' && r.lhs === f);
    const psi = cm.rows.filter((r) => r.mat === 'psi' && r.lhs === f && r.rhs === f);
    const thetaFree = theta.some((r) => r.free >= 0);
    const scaleFree = lambda.some((r) => r.free >= 0) || psi.some((r) => r.free >= 0);
    if (thetaFree && scaleFree) {
      throw new NotIdentifiedError(
        `factor '${f}' has a single indicator '${x}' with a free residual variance; fix it (e.g. '${x} ~~ 0*${x}')`,
        [`${f}~~${f}`, `${x}~~${x}`],
      );
    }
  }
}
