import {
  CHANGE_LABELS,
  VERDICT_LABELS,
  type GroupedDimension,
  type LaReport,
  type ScaleComparison,
  type SuppressedCell,
} from '@swhc/contracts';
import { CLEAR, col, round, type Cell, type CsvColumn, type CsvTable } from './csv-format';

function comparisonCells(cell: ScaleComparison | SuppressedCell): Cell[] {
  if ('suppressed' in cell) return [cell.message, null, null, null, null];
  return [
    round(cell.score, 1),
    round(cell.difference, 1),
    round(cell.differenceCi.lower, 1),
    round(cell.differenceCi.upper, 1),
    VERDICT_LABELS[cell.verdict],
  ];
}

/** Each scale's score, comparisons, change, reliability and sentence. */
export function scoresTable(report: LaReport): CsvTable {
  const against = (who: string, whose: string): CsvColumn[] => [
    col(`${who} score`, `Score of ${whose} together, without this local authority`),
    col(`Difference from ${who}`, `This local authority minus ${who}, in points`),
    col(`Difference from ${who} lower 95%`, 'Lower end of the 95% confidence interval'),
    col(`Difference from ${who} upper 95%`, 'Upper end of the 95% confidence interval'),
    col(`Compared with ${who}`, CLEAR),
  ];
  return {
    title: 'Scores by scale (0 to 100, higher is better)',
    columns: [
      col('Scale', 'The area measured, named so that a higher score is always better'),
      col(
        'Questionnaire scale',
        'The questionnaire’s own scale when the report turns it round (score = 100 minus its score)',
      ),
      col('Responses', 'People with a score on the scale'),
      col('Mean (1 to 5)', 'Average answer on the 1 to 5 agreement scale, read the same way'),
      col(
        'Score (0 to 100)',
        'The average answer rescaled: 0 is the least favourable answer to every statement, 100 the most',
      ),
      col('Score lower 95%', 'Lower end of the 95% confidence interval of the score'),
      col('Score upper 95%', 'Upper end of the 95% confidence interval of the score'),
      ...against('England', 'all other local authorities in England'),
      ...against('region', `the other local authorities in ${report.organisation.region}`),
      col(
        'Change since previous wave',
        'This wave minus the previous one, in points, only where the survey measured the scale the same way in both waves',
      ),
      col('Change lower 95%', 'Lower end of the 95% confidence interval of the change'),
      col('Change upper 95%', 'Upper end of the 95% confidence interval of the change'),
      col(
        'Change',
        'Improved or Got worse only when the change is clear (p below 0.05), else No clear change',
      ),
      col(
        'Hedges g',
        'Size of the change in standard deviations: about 0.2 is small, 0.5 medium, 0.8 large',
      ),
      col('Change note', 'Why a change is or is not shown'),
      col(
        'Cronbach alpha',
        'How well the scale’s statements hang together in these responses: 0.7 or more acceptable, 0.8 or more good',
      ),
      col('In a sentence', 'The scale’s result in plain English'),
    ],
    rows: report.scales.map((scale): Cell[] => {
      if (scale.suppressed) return [scale.title, scale.turnedRoundFrom, scale.message];
      const change = scale.change;
      return [
        scale.title,
        scale.turnedRoundFrom,
        scale.n,
        round(scale.mean, 2),
        round(scale.score, 1),
        round(scale.scoreCi.lower, 1),
        round(scale.scoreCi.upper, 1),
        ...comparisonCells(scale.national),
        ...comparisonCells(scale.regional),
        ...(change.status === 'shown'
          ? [
              round(change.difference, 1),
              round(change.differenceCi.lower, 1),
              round(change.differenceCi.upper, 1),
              CHANGE_LABELS[change.verdict],
              round(change.hedgesG, 2),
            ]
          : [null, null, null, null, null]),
        change.message,
        scale.reliability ? round(scale.reliability.alpha, 2) : null,
        scale.sentence,
      ];
    }),
  };
}

/** A dimension's groups with each scale's score and difference from the LA (a heatmap as a table). */
export function groupScoresTable(report: LaReport, dimension: GroupedDimension): CsvTable {
  const scales = report.scales.map((s) => ({ key: s.key, title: s.title }));
  return {
    title: `Scores by ${dimension.title.toLowerCase()} (0 to 100)`,
    columns: [
      col(
        dimension.title,
        'The group (groups under the minimum size, or that would reveal one, carry a sentence instead of numbers)',
      ),
      col('Responses', 'People in the group'),
      ...scales.flatMap((s) => [
        col(s.title, `The group’s ${s.title.toLowerCase()} score`),
        col(
          `${s.title}: difference`,
          `The group minus the whole of ${report.organisation.name}, in points (positive is better)`,
        ),
      ]),
    ],
    rows: dimension.groups.map((group): Cell[] =>
      group.suppressed
        ? [group.label, group.message]
        : [
            group.label,
            group.n,
            ...group.scales.flatMap((cell): Cell[] =>
              cell.suppressed
                ? [cell.message, null]
                : [round(cell.score, 1), round(cell.differenceFromOverall, 1)],
            ),
          ],
    ),
  };
}
