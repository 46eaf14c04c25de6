import {
  CHANGE_LABELS,
  VERDICT_LABELS,
  type GroupedDimension,
  type LaReport,
  type StatementComparison,
  type SuppressedCell,
} from '@swhc/contracts';
import { CLEAR, col, round, type Cell, type CsvTable } from './csv-format';

const statementComparison = (cell: StatementComparison | SuppressedCell): Cell[] =>
  'suppressed' in cell
    ? [cell.message, null, null]
    : [round(cell.favourablePercent, 0), round(cell.difference, 1), VERDICT_LABELS[cell.verdict]];

/** Each statement's answers, its favourable answer and its benchmarks. */
export function statementsTable(report: LaReport): CsvTable {
  const titles = new Map(report.scales.map((s) => [s.key, s.title]));
  return {
    title: 'Answers to each statement (% of those who answered)',
    columns: [
      col('Scale', 'The scale the statement belongs to'),
      col('Statement', 'As worded in the survey'),
      col(
        'Favourable answer',
        'The answer that is good news: Agree, or Disagree for a statement worded the other way',
      ),
      col(
        'Shown as',
        'Three-way: agree, neither, disagree. Two-way: favourable against the rest, used when three parts could let someone work out how fewer than the minimum group size answered',
      ),
      col('% agree', 'Agree or strongly agree (three-way only)'),
      col('% neither', 'Neither agree nor disagree (three-way only)'),
      col('% disagree', 'Disagree or strongly disagree (three-way only)'),
      col('% favourable', 'Gave the favourable answer'),
      col('% not favourable', 'Everyone else who answered (two-way only)'),
      col('England % favourable', 'All other local authorities in England'),
      col('Difference from England', 'In percentage points, this local authority minus England'),
      col('Compared with England', CLEAR),
      col('Region % favourable', 'The other local authorities in the region'),
      col('Difference from region', 'In percentage points'),
      col('Compared with region', CLEAR),
      col(
        'Previous wave % favourable',
        'Only where the scale was measured the same way in both waves',
      ),
      col('Change', 'In percentage points, this wave minus the previous one'),
      col('Change compared', 'Improved, No clear change or Got worse, by the same rule'),
      col('Note', 'Why a statement or its change is not shown'),
    ],
    rows: report.items.map((item): Cell[] => {
      const head: Cell[] = [titles.get(item.scale) ?? item.scale, item.text];
      const favourable = item.favourable === 'agree' ? 'Agree' : 'Disagree';
      if (item.suppressed)
        return [...head, favourable, null, ...new Array<Cell>(14).fill(null), item.message];
      const { change } = item.benchmarks;
      return [
        ...head,
        favourable,
        item.split === 'three-way' ? 'Three-way' : 'Two-way',
        ...(item.split === 'three-way'
          ? [round(item.agree, 0), round(item.neutral, 0), round(item.disagree, 0)]
          : [null, null, null]),
        round(item.favourablePercent, 0),
        item.split === 'two-way' ? round(item.restPercent, 0) : null,
        ...statementComparison(item.benchmarks.england),
        ...statementComparison(item.benchmarks.region),
        ...(change.status === 'shown'
          ? [
              round(change.previousFavourablePercent, 0),
              round(change.difference, 1),
              CHANGE_LABELS[change.verdict],
              null,
            ]
          : [null, null, null, change.message]),
      ];
    }),
  };
}

/** Each shown group's % favourable per statement, in long form. */
export function groupStatementsTable(report: LaReport, dimension: GroupedDimension): CsvTable {
  const texts = new Map(report.items.map((i) => [i.item, i.text]));
  return {
    title: `Statements by ${dimension.title.toLowerCase()} (% favourable)`,
    columns: [
      col(dimension.title, 'The group (only groups shown in the scores table)'),
      col('Statement', 'As worded in the survey'),
      col('Answered', 'People in the group who answered the statement'),
      col('% favourable', 'Of those, the share who gave the favourable answer'),
      col(
        'Difference',
        `The group minus the whole of ${report.organisation.name}, in percentage points`,
      ),
    ],
    rows: dimension.groups.flatMap((group): Cell[][] =>
      group.suppressed
        ? []
        : group.statements.map((cell): Cell[] =>
            cell.suppressed
              ? [group.label, texts.get(cell.item) ?? cell.item, cell.message, null, null]
              : [
                  group.label,
                  texts.get(cell.item) ?? cell.item,
                  cell.n,
                  round(cell.favourablePercent, 0),
                  round(cell.differenceFromOverall, 1),
                ],
          ),
    ),
  };
}
