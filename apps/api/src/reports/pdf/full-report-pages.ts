import {
  CHANGE_LABELS,
  VERDICT_LABELS,
  type GroupedDimension,
  type ItemDistribution,
  type LaReport,
  type ServedScaleResult,
  type StatementComparison,
  type SuppressedCell,
} from '@swhc/contracts';
import {
  driversChart,
  funnelChart,
  heatColour,
  methodNotes,
  statementChart,
  statementsLegend,
  verdictColour,
} from '@swhc/report-view';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { signed, whole } from '../report-wording';
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

function scaleDetail(report: LaReport, s: ServedScaleResult): Content {
  const comparison = (who: string, c: ServedScaleResult['national']): TableCell[] =>
    'suppressed' in c
      ? [cell(who), hiddenCell(c.message, 3), '', '']
      : [
          cell(who),
          cell(whole(c.score)),
          cell(
            `${signed(c.difference)} (${signed(c.differenceCi.lower)} to ${signed(c.differenceCi.upper)})`,
          ),
          {
            text: VERDICT_LABELS[c.verdict],
            style: 'cell',
            bold: true,
            color: verdictColour(c.verdict),
          },
        ];
  const change: TableCell[] =
    s.change.status === 'shown'
      ? [
          cell(s.change.previousWave.name),
          cell(whole(s.change.previousScore)),
          cell(
            `${signed(s.change.difference)} (${signed(s.change.differenceCi.lower)} to ${signed(s.change.differenceCi.upper)}), g ${s.change.hedgesG.toFixed(2)}`,
          ),
          {
            text: CHANGE_LABELS[s.change.verdict],
            style: 'cell',
            bold: true,
            color: verdictColour(s.change.verdict),
          },
        ]
      : [cell('Last wave'), hiddenCell(s.change.message, 3), '', ''];
  return keepTogether(
    heading(`${s.title}: ${whole(s.score)} out of 100`, 'h3'),
    paragraph(`${s.sentence} This scale is about ${s.about}.`),
    table(
      ['Compared with', 'Score', 'Difference (95% interval)', 'Verdict'],
      [
        comparison('England', s.national),
        comparison(report.organisation.region, s.regional),
        change,
      ],
      [120, 50, '*', 90],
    ),
  );
}

const benchmark = (c: StatementComparison | SuppressedCell): TableCell =>
  'suppressed' in c
    ? hiddenCell('—')
    : {
        text: `${whole(c.favourablePercent)}% (${signed(c.difference)})`,
        style: 'cell',
        color: verdictColour(c.verdict),
        bold: c.verdict !== 'similar',
      };

function statementsTable(report: LaReport, items: readonly ItemDistribution[]): Content {
  return table(
    ['Statement', '% favourable', 'England', report.organisation.region, 'Change'],
    items.map((i): TableCell[] => {
      if (i.suppressed) return [cell(i.text), hiddenCell(i.message, 4), '', '', ''];
      const change = i.benchmarks.change;
      return [
        cell(`${i.text}${i.split === 'two-way' ? ' (favourable against the rest)' : ''}`),
        cell(`${whole(i.favourablePercent)}%`, { bold: true }),
        benchmark(i.benchmarks.england),
        benchmark(i.benchmarks.region),
        change.status === 'shown'
          ? {
              text: signed(change.difference),
              style: 'cell',
              color: verdictColour(change.verdict),
            }
          : hiddenCell('—'),
      ];
    }),
    ['*', 55, 65, 65, 40],
  );
}

/** A dimension's groups × scales: each cell the score, its difference from the LA, shaded by it. */
export function groupHeatmap(report: LaReport, dimension: GroupedDimension): Content {
  const scales = report.scales.filter((s): s is ServedScaleResult => !s.suppressed);
  const rows = dimension.groups.map((g): TableCell[] => {
    if (g.suppressed) {
      return [cell(g.label), hiddenCell(g.message, scales.length + 1), ...scales.map(() => '')];
    }
    return [
      cell(g.label),
      cell(String(g.n)),
      ...scales.map((s): TableCell => {
        const c = g.scales.find((x) => x.scale === s.key);
        if (!c || c.suppressed) return hiddenCell(c?.message ?? 'Not shown');
        return cell(`${whole(c.score)} (${signed(c.differenceFromOverall)})`, {
          fillColor: heatColour(c.differenceFromOverall),
        });
      }),
    ];
  });
  return table([dimension.title, 'People', ...scales.map((s) => s.title)], rows, [
    '*',
    36,
    ...scales.map(() => 72),
  ]);
}

/**
 * A section: its heading and introduction stay on the page of its first block, so that a heading is
 * never left at the foot of a page; the other blocks flow after it.
 */
function section(title: string, intro: readonly Content[], blocks: readonly Content[]): Content[] {
  const [first, ...rest] = blocks;
  return [keepTogether(heading(title), ...intro, ...(first ? [first] : [])), ...rest];
}

const small = (text: string): Content => ({ text, style: 'small' });

/**
 * Each scale's statements: its heading, the key and the first bar together, then one bar per
 * statement and the table, so that a page can break between statements.
 */
function statementBlocks(report: LaReport, served: readonly ServedScaleResult[]): Content[] {
  return served.flatMap((s) => {
    const items = report.items.filter((i) => i.scale === s.key);
    const [first, ...rest] = items.map((i) => chart(statementChart(i)));
    return [
      keepTogether(heading(s.title, 'h3'), chart(statementsLegend()), ...(first ? [first] : [])),
      ...rest,
      statementsTable(report, items),
    ];
  });
}

function funnelBlocks(report: LaReport): Content[] {
  const blocks: Content[] = [];
  for (let i = 0; i < report.funnel.length; i += 2) {
    const pair = report.funnel.slice(i, i + 2).map((plot): Content => ({
      stack: [
        heading(plot.title, 'h3'),
        chart(funnelChart(plot, report.organisation.name), 250),
        small(plot.caption),
      ],
    }));
    blocks.push({ columns: pair, columnGap: 15, unbreakable: true });
  }
  return blocks;
}

/**
 * Everything after the summary, flowing: its title starts a new page unless the summary's last page
 * has room for a section (see `keepHeadingsWithContent`), and no block is kept whole that would leave
 * a page half empty.
 */
export function fullReportPages(report: LaReport): Content[] {
  const served = report.scales.filter((s): s is ServedScaleResult => !s.suppressed);
  const { name } = report.organisation;
  const content: Content[] = [
    flowingHeading('The full report', 'part'),
    ...section(
      'Scores',
      [],
      served.map((s) => scaleDetail(report, s)),
    ),
    ...section(
      'Answers to each statement',
      [
        paragraph(
          'Green is the favourable answer, red the unfavourable one and grey “neither” (or, where only a ' +
            'two-way split is safe, everyone else). The black mark is England’s % favourable. In the ' +
            'tables, the figure in brackets is the difference in percentage points.',
        ),
      ],
      statementBlocks(report, served),
    ),
  ];
  if (report.groups.length > 0) {
    // Not kept whole: each heading starts only where its table's header and first row fit after it
    // (`keepHeadingsWithContent`), and a long table breaks between rows.
    content.push(
      flowingHeading('Results by group'),
      paragraph(
        `Each cell is the group’s score, with its difference from ${name} as a whole in brackets: ` +
          'green where the group is higher (better), red where it is lower. Groups of fewer than ' +
          `${report.minimumGroupSize} people, and groups that would let someone work one out, are not shown.`,
      ),
      ...report.groups.flatMap((d) => [
        flowingHeading(`By ${d.title.toLowerCase()}`, 'h3'),
        groupHeatmap(report, d),
      ]),
    );
  }
  if (report.drivers?.available) {
    const svg = driversChart(report.drivers);
    content.push(
      ...section(
        'What goes with intention to stay',
        [paragraph(report.drivers.sentence)],
        [keepTogether(...(svg ? [chart(svg, 440)] : []), small(report.drivers.message))],
      ),
    );
  }
  if (report.funnel.length > 0) {
    content.push(...section('Compared with every local authority', [], funnelBlocks(report)));
  }
  const notes = methodNotes(report).map((note) =>
    keepTogether(heading(note.heading, 'h3'), paragraph(note.text)),
  );
  content.push(
    ...section(
      'How we worked this out',
      [],
      [
        ...notes,
        table(
          ['Scale', 'Cronbach’s alpha', 'People'],
          served.map((s): TableCell[] => [
            cell(s.title),
            cell(s.reliability ? s.reliability.alpha.toFixed(2) : 'Could not be worked out'),
            cell(String(s.reliability?.n ?? s.n)),
          ]),
          ['*', 100, 60],
        ),
      ],
    ),
  );
  return content;
}
