/**
 * The first pass of an export: every row's quasi-identifier codes and sensitive values (a few bytes a
 * row), the anonymisation plan over them, and from the plan the columns of data.csv and the report.
 */
import type { ExportAnonymisationReport } from '@swhc/contracts';
import { planAnonymisation, type AnonymisationPlan } from '@swhc/disclosure';
import {
  plannerColumn,
  quasiIdentifierCodes,
  type CsvColumn,
  type DatasetDesign,
} from './dataset-design';

/** Share of rows that local suppression may blank before a column is coarsened. */
export const MAX_SUPPRESSED_SHARE = 0.05;
/** Distinct known answers each sensitive variable needs in every released class. */
export const L_DIVERSITY = 2;

export interface AnonymisedExport<Row> {
  readonly plan: AnonymisationPlan;
  readonly columns: readonly CsvColumn<Row>[];
  readonly report: ExportAnonymisationReport;
}

/** Growable column of small codes. */
class CodeColumn {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

class ValueColumn {
  private data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** The plan for one dataset of an export (survey waves, or panel polls) from a pass over its rows. */
export async function anonymiseExport<Row>(
  design: DatasetDesign<Row>,
  pages: AsyncIterable<readonly Row[]>,
  k: number,
  onRows: (rows: number) => Promise<void> = () => Promise.resolve(),
): Promise<AnonymisedExport<Row>> {
  const codes = design.quasiIdentifiers.map(() => new CodeColumn());
  const values = design.sensitive.map(() => new ValueColumn());
  let seen = 0;
  for await (const page of pages) {
    for (const row of page) {
      quasiIdentifierCodes(design, row).forEach((c, q) => codes[q]?.push(c));
      design.sensitiveValues(row).forEach((v, j) => values[j]?.push(v));
    }
    seen += page.length;
    await onRows(seen);
  }
  const plan = planAnonymisation(
    design.quasiIdentifiers.map((qi, q) => plannerColumn(qi, codes[q]?.values() ?? [])),
    design.sensitive.map((name, j) => ({ name, values: values[j]?.values() ?? [] })),
    { k, l: L_DIVERSITY, maxSuppressedShare: MAX_SUPPRESSED_SHARE },
  );
  const columns = design.csvColumns(plan.quasiIdentifiers);
  return { plan, columns, report: reportOf(design, plan) };
}

function treatmentOf<Row>(design: DatasetDesign<Row>, q: number, plan: AnonymisationPlan): string {
  const qi = design.quasiIdentifiers[q];
  const outcome = plan.quasiIdentifiers[q];
  if (!qi || !outcome) return '';
  if (!qi.removable) return 'as answered (never coarsened)';
  if (outcome.removed) return 'left out';
  if (outcome.level === 0) return 'as answered';
  return `coarsened to ${qi.levels[outcome.level]?.label ?? 'a coarser level'}`;
}

function reportOf<Row>(
  design: DatasetDesign<Row>,
  plan: AnonymisationPlan,
): ExportAnonymisationReport {
  const quasiIdentifiers = design.quasiIdentifiers.map((qi, q) => {
    const outcome = plan.quasiIdentifiers[q];
    const removed = outcome?.removed ?? false;
    return {
      variable: qi.variable,
      column: removed ? null : (qi.levels[outcome?.level ?? 0]?.column ?? null),
      treatment: treatmentOf(design, q, plan),
      cellsGeneralised: outcome?.cellsGeneralised ?? 0,
      cellsSuppressed: outcome?.cellsSuppressed ?? 0,
    };
  });
  const sensitive = plan.sensitive.map((s) => ({
    variable: s.name,
    classesBlanked: s.classesBlanked,
    cellsBlanked: s.cellsBlanked,
  }));
  return {
    k: plan.k,
    l: plan.l,
    maxSuppressedShare: MAX_SUPPRESSED_SHARE,
    rows: plan.records - plan.withheldRecords,
    rowsSuppressed: plan.suppressedRecords,
    rowsWithheld: plan.withheldRecords,
    quasiIdentifiers,
    sensitive,
    cellsChanged:
      quasiIdentifiers.reduce((s, q) => s + q.cellsGeneralised + q.cellsSuppressed, 0) +
      sensitive.reduce((s, x) => s + x.cellsBlanked, 0),
  };
}

/**
 * One report for an export of several datasets (waves and polls): rows and cells added up, each
 * quasi-identifier once (service, in both, is never coarsened), the sensitive variables of each.
 */
export function mergedReport(
  reports: readonly ExportAnonymisationReport[],
): ExportAnonymisationReport {
  const [first, ...rest] = reports;
  if (!first) throw new Error('An export has at least one dataset');
  if (rest.length === 0) return first;
  const quasiIdentifiers: ExportAnonymisationReport['quasiIdentifiers'][number][] = [];
  for (const q of reports.flatMap((r) => r.quasiIdentifiers)) {
    const i = quasiIdentifiers.findIndex((x) => x.variable === q.variable);
    const seen = quasiIdentifiers[i];
    if (seen && seen.column === q.column && seen.treatment === q.treatment)
      quasiIdentifiers[i] = {
        ...seen,
        cellsGeneralised: seen.cellsGeneralised + q.cellsGeneralised,
        cellsSuppressed: seen.cellsSuppressed + q.cellsSuppressed,
      };
    else quasiIdentifiers.push(q);
  }
  const sum = (f: (r: ExportAnonymisationReport) => number) =>
    reports.reduce((s, r) => s + f(r), 0);
  return {
    k: first.k,
    l: first.l,
    maxSuppressedShare: first.maxSuppressedShare,
    rows: sum((r) => r.rows),
    rowsSuppressed: sum((r) => r.rowsSuppressed),
    rowsWithheld: sum((r) => r.rowsWithheld),
    quasiIdentifiers,
    sensitive: reports.flatMap((r) => r.sensitive),
    cellsChanged: sum((r) => r.cellsChanged),
  };
}
