import {
  SERVICE_NAMES,
  VERDICT_LABELS,
  CHANGE_LABELS,
  type LaReport,
  type ServedScaleResult,
  type StatementHighlight,
} from '@swhc/contracts';
import { driversChart, scoresChart, verdictColour } from '@swhc/report-view';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { signed, whole } from '../report-wording';
import { groupHeatmap } from './full-report-pages';
import {
  cell,
  chart,
  flowingHeading,
  heading,
  hiddenCell,
  keepTogether,
  paragraph,
  table,
} from './pdf-blocks';

function highlights(title: string, list: readonly StatementHighlight[], none: string): Content {
  return {
    stack: [
      heading(title, 'h3'),
      list.length === 0
        ? paragraph(none)
        : {
            ul: list.map((h) => ({
              text: [
                `${h.text} `,
                {
                  text: `${whole(h.favourablePercent)}% favourable, England ${whole(h.englandFavourablePercent)}%`,
                  bold: true,
                },
              ],
              style: 'body',
            })),
          },
    ],
  };
}

/** The scales as a table: the alternative to the chart, with the verdicts in words. */
function scoresTable(report: LaReport): Content {
  const previous = report.scales.find((s) => !s.suppressed && s.change.status === 'shown');
  const since =
    previous && !previous.suppressed ? previous.change.previousWave?.name : 'the last wave';
  const rows = report.scales.map((s): TableCell[] => {
    if (s.suppressed) return [cell(s.title, { bold: true }), hiddenCell(s.message, 4), '', '', ''];
    const against = (c: ServedScaleResult['national']): TableCell =>
      'suppressed' in c
        ? hiddenCell(c.message)
        : {
            text: `${whole(c.score)}: ${VERDICT_LABELS[c.verdict].toLowerCase()}`,
            style: 'cell',
            color: verdictColour(c.verdict),
            bold: c.verdict !== 'similar',
          };
    const change: TableCell =
      s.change.status === 'shown'
        ? {
            text: `${signed(s.change.difference)}: ${CHANGE_LABELS[s.change.verdict].toLowerCase()}`,
            style: 'cell',
            color: verdictColour(s.change.verdict),
          }
        : hiddenCell(s.change.status === 'no-previous-wave' ? 'No earlier wave' : 'Not shown');
    return [
      cell(s.title, { bold: true }),
      cell(`${whole(s.score)} (${whole(s.scoreCi.lower)} to ${whole(s.scoreCi.upper)})`),
      against(s.national),
      against(s.regional),
      change,
    ];
  });
  return table(
    [
      'Scale',
      'Score (95% interval)',
      'England',
      report.organisation.region,
      `Change since ${since}`,
    ],
    rows,
    ['*', 90, 90, 90, 95],
  );
}

/** Scores by the first grouping (role): the groups a leadership team asks about first. */
function firstHeatmap(report: LaReport): Content[] {
  const dimension = report.groups[0];
  if (!dimension) return [];
  return [
    flowingHeading(`Scores by ${dimension.title.toLowerCase()}`, 'h3'),
    groupHeatmap(report, dimension),
    {
      text: `In brackets: the difference from ${report.organisation.name} as a whole, green where the group is higher (better), red where lower. Other groupings are in the full report.`,
      style: 'small',
    },
  ];
}

/**
 * The first two pages, for a leadership team: page 1 the answer at a glance (the chart, its table
 * and a sentence per scale), page 2 what stands out, what goes with staying and the groups.
 */
export function summaryPages(report: LaReport): Content[] {
  const { organisation, summary } = report;
  const scores = scoresChart(report);
  const served = report.scales.filter((s): s is ServedScaleResult => !s.suppressed);
  const content: Content[] = [
    { text: `${SERVICE_NAMES[report.service]} · ${report.wave.name}`, style: 'caption' },
    { text: `${organisation.name}: health check results`, style: 'title' },
    paragraph(`${report.responses.sentence} ${report.status}`),
  ];
  if (!report.scoresReleased || !summary) return content;
  content.push(flowingHeading('At a glance'));
  if (scores) content.push(chart(scores));
  content.push(
    scoresTable(report),
    keepTogether(heading('In a sentence', 'h3'), {
      ul: served.map((s) => ({ text: s.sentence, style: 'body' })),
    }),
    // No forced page break: page 1 fills up and the rest flows onto page 2.
    flowingHeading(`Where ${organisation.name} stands out from England`),
    {
      columns: [
        highlights(
          'Most clearly above England',
          summary.strengths,
          'No statement is clearly above England.',
        ),
        highlights(
          'Most clearly below England',
          summary.concerns,
          'No statement is clearly below England.',
        ),
      ],
      columnGap: 16,
    },
  );
  if (report.drivers?.available) {
    const drivers = driversChart(report.drivers);
    content.push(
      keepTogether(
        heading('What goes with staying'),
        paragraph(report.drivers.sentence),
        ...(drivers ? [chart(drivers, 440)] : []),
        { text: report.drivers.message, style: 'small' },
      ),
    );
  }
  content.push(...firstHeatmap(report), {
    text:
      `Scores are out of 100 and higher is always better. “Better” or “worse” means the difference is clear ` +
      `(it is unlikely to be chance); otherwise the result is “similar”. Nothing is shown for a group of fewer ` +
      `than ${report.minimumGroupSize} people. The full report follows, with how we worked this out.`,
    style: 'small',
    margin: [0, 8, 0, 0],
  });
  return content;
}
