import type { GroupStatementCell, SuppressionCause } from '@swhc/contracts';
import {
  protectDistribution,
  suppressAcrossDimensions,
  type RespondentGroups,
} from '@swhc/disclosure';
import { answerSide, favourableAnswer } from '@swhc/instruments';
import type { ResponseTable } from '../data/response-table';
import type { ReportFrame } from '../report-frame';
import { suppressedCell } from '../report-wording';
import { dimensionsOf, type GroupingQuestion } from './grouping';
import { protectStatement } from './statements.section';

/** [dimension index] → group key → cell, for one statement. */
export type StatementCellsByGroup = readonly ReadonlyMap<string, GroupStatementCell>[];

interface Tally {
  favourable: number;
  rest: number;
}

/**
 * Which groups of one dimension may show a statement's % favourable. A candidate must be shown by
 * all three count protections and hold at least K favourable and K other answers itself. Then the
 * groups left hidden, taken together, must not all have answered alike (their favourable and other
 * counts can be found by subtracting the shown groups from the LA's): while they have, the smallest
 * shown group is hidden too. Returns the reason each hidden group is hidden.
 */
function hideUntilSafe(
  k: number,
  tallies: ReadonlyMap<string, Tally>,
  candidates: Map<string, SuppressionCause | null>,
): void {
  let total: Tally = { favourable: 0, rest: 0 };
  for (const t of tallies.values()) {
    total = { favourable: total.favourable + t.favourable, rest: total.rest + t.rest };
  }
  for (;;) {
    const shown = [...candidates].filter(([, reason]) => reason === null).map(([key]) => key);
    const hidden = { ...total };
    for (const key of shown) {
      hidden.favourable -= tallies.get(key)?.favourable ?? 0;
      hidden.rest -= tallies.get(key)?.rest ?? 0;
    }
    const unanimous = (hidden.favourable === 0) !== (hidden.rest === 0);
    if (!unanimous || shown.length === 0) return;
    const size = (key: string) =>
      (tallies.get(key)?.favourable ?? 0) + (tallies.get(key)?.rest ?? 0);
    const smallest = shown.reduce((a, b) => (size(b) < size(a) ? b : a));
    candidates.set(smallest, 'complementary');
  }
}

/**
 * % favourable of one statement per group of every dimension, as far as it is safe: no group's
 * answered, favourable or other count under K or found by subtraction (three cross-dimension
 * protections), no group answering all alike, and the hidden groups of a dimension not all alike.
 * The LA's own distribution of the statement must be shown, or no group is; a group whose row is
 * hidden counts as hidden here too.
 */
export function statementCells(
  frame: ReportFrame,
  la: ResponseTable,
  item: string,
  questions: readonly GroupingQuestion[],
  records: readonly RespondentGroups[],
  /** Per dimension, the groups whose row is shown at all (their headcounts are safe). */
  shownRows: readonly ReadonlySet<string>[],
): StatementCellsByGroup {
  const { instrument, k } = frame;
  const scale = instrument.scales.find((s) => s.items.includes(item));
  if (!scale) throw new Error(`${item} is not a statement of any scale`);
  const good = favourableAnswer(scale, item);
  const column = la.items[item];
  const answered: number[] = [];
  const isFavourable: boolean[] = [];
  const overall = { disagree: 0, neutral: 0, agree: 0 };
  for (let r = 0; r < la.size; r++) {
    const v = column?.[r] ?? Number.NaN;
    if (Number.isNaN(v)) continue;
    const side = answerSide(instrument.responseScale, v);
    overall[side]++;
    answered.push(r);
    isFavourable[r] = side === good;
  }
  const hiddenAll = (): StatementCellsByGroup =>
    questions.map(
      (q) => new Map(q.keys.map((key) => [key, { item, ...suppressedCell('differencing', k) }])),
    );
  const la0 = protectStatement(overall, good, k);
  if (la0.status !== 'shown') return hiddenAll();
  const laPercent =
    (100 * (la0.counts[la0.collapse === 'two-way' ? 'favourable' : good] ?? 0)) / la0.n;

  const dimensions = dimensionsOf(questions);
  const protect = (rows: readonly number[]) =>
    suppressAcrossDimensions(
      rows.map((r) => records[r] ?? {}),
      dimensions,
      { k },
    );
  const byAnswer = protect(answered);
  const byFavourable = protect(answered.filter((r) => isFavourable[r]));
  const byRest = protect(answered.filter((r) => !isFavourable[r]));

  return questions.map((q, d) => {
    const tallies = new Map<string, Tally>(q.keys.map((key) => [key, { favourable: 0, rest: 0 }]));
    for (const r of answered) {
      const t = tallies.get(records[r]?.[q.name] ?? '');
      if (!t) continue;
      if (isFavourable[r]) t.favourable++;
      else t.rest++;
    }
    const reasonIn = (cells: typeof byAnswer, key: string): SuppressionCause | null => {
      const cell = cells.dimensions[d]?.groups.find((c) => c.key === key);
      return !cell ? 'below-k' : cell.suppressed ? cell.reason : null;
    };
    const candidates = new Map<string, SuppressionCause | null>();
    for (const key of q.keys) {
      const t = tallies.get(key) ?? { favourable: 0, rest: 0 };
      const own = protectDistribution(
        { favourable: t.favourable, rest: t.rest },
        { k, threeWay: null },
      );
      candidates.set(
        key,
        (shownRows[d]?.has(key) ? null : 'complementary') ??
          reasonIn(byAnswer, key) ??
          (own.status === 'suppressed' ? own.reason : null) ??
          reasonIn(byFavourable, key) ??
          reasonIn(byRest, key),
      );
    }
    hideUntilSafe(k, tallies, candidates);
    return new Map(
      q.keys.map((key): [string, GroupStatementCell] => {
        const reason = candidates.get(key);
        const t = tallies.get(key) ?? { favourable: 0, rest: 0 };
        const n = t.favourable + t.rest;
        if (reason !== null) return [key, { item, ...suppressedCell(reason ?? 'below-k', k) }];
        const favourablePercent = (100 * t.favourable) / n;
        return [
          key,
          {
            item,
            suppressed: false,
            n,
            favourablePercent,
            differenceFromOverall: favourablePercent - laPercent,
          },
        ];
      }),
    );
  });
}
