import type { ItemDistribution, LaReport, ScaleResult } from '@swhc/contracts';
import { COLOURS, heatColour } from './palette';
import { textWidth } from './svg';
import { driversChart } from './drivers-chart';
import { funnelChart } from './funnel-chart';
import { scoresChart } from './scores-chart';
import {
  labelStart,
  statementChart,
  statementSegments,
  statementsChart,
  statementsLegend,
} from './statements-chart';

/** Every element opened is closed, in order (enough to catch a broken hand-written SVG). */
function wellFormed(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name ?? '');
  }
  return stack.length === 0;
}

const comparison = (score: number, verdict: 'better' | 'similar' | 'worse') => ({
  label: 'England (other local authorities)',
  n: 1000,
  mean: 3,
  score,
  difference: 4,
  differenceCi: { lower: 1, upper: 7 },
  p: 0.01,
  significant: verdict !== 'similar',
  verdict,
});

function scale(
  key: string,
  title: string,
  score: number,
  verdict: 'better' | 'similar' | 'worse',
): ScaleResult {
  return {
    key,
    title,
    higherIsBetter: true,
    turnedRoundFrom: null,
    about: 'x',
    suppressed: false,
    n: 60,
    mean: 3,
    meanCi: { lower: 2.9, upper: 3.1 },
    score,
    scoreCi: { lower: score - 3, upper: score + 3 },
    national: comparison(50, verdict),
    regional: comparison(52, 'similar'),
    change: { status: 'no-previous-wave', previousWave: null, message: '' },
    reliability: null,
    sentence: '',
  };
}

function item(
  favourable: 'agree' | 'disagree',
  agree: number,
  neutral: number,
  disagree: number,
): ItemDistribution {
  return {
    item: 'x1',
    text: 'A statement & more',
    scale: 'support',
    reversed: favourable === 'disagree',
    favourable,
    suppressed: false,
    split: 'three-way',
    agree,
    neutral,
    disagree,
    favourablePercent: favourable === 'agree' ? agree : disagree,
    benchmarks: {
      england: { ...comparison(0, 'similar'), favourablePercent: 40 },
      region: { suppressed: true, reason: 'differencing', message: 'x' },
      change: { status: 'no-previous-wave', previousWave: null, message: '' },
    },
  };
}

const report = {
  organisation: { gssCode: 'E06000022', name: 'Bath & North East Somerset', region: 'South West' },
  scales: [
    scale('support', 'Support', 55, 'better'),
    scale('control', 'Control <and> autonomy', 45, 'worse'),
  ],
  items: [item('agree', 60, 25, 15), item('disagree', 10, 20, 70)],
} as unknown as LaReport;

describe('charts', () => {
  it('draw the scores with each verdict in words, escaped and well formed', () => {
    const chart = scoresChart(report);
    if (!chart) throw new Error('no chart');
    expect(wellFormed(chart.svg)).toBe(true);
    expect(chart.svg).toContain('Bath &amp; North East Somerset');
    expect(chart.svg).toContain('Control &lt;and&gt; autonomy');
    expect(chart.svg).toContain('Better than England');
    expect(chart.svg).toContain('Worse than England');
    expect(chart.svg).not.toContain('NaN');
    expect(chart.description).toContain('Support: 55, better than England.');
  });

  it('colour only the favourable answer green, reverse-keyed statements included', () => {
    const [plain, reversed] = report.items;
    if (!plain || plain.suppressed || !reversed || reversed.suppressed) throw new Error('items');
    // "Agree" is good news: green is the 60% who agreed, red the 15% who disagreed.
    expect(statementSegments(plain)).toEqual([
      { percent: 60, fill: COLOURS.better, ink: COLOURS.white },
      { percent: 25, fill: COLOURS.neutral, ink: COLOURS.text },
      { percent: 15, fill: COLOURS.worse, ink: COLOURS.white },
    ]);
    // Worded the other way ("disagree" is good news): green is the 70% who disagreed, red the 10%.
    expect(statementSegments(reversed).map((s) => [s.percent, s.fill])).toEqual([
      [70, COLOURS.better],
      [20, COLOURS.neutral],
      [10, COLOURS.worse],
    ]);
    const chart = statementsChart(report, 'support');
    expect(chart && wellFormed(chart.svg)).toBe(true);
    expect(chart?.svg).toContain('A statement &amp; more');
  });

  it('draw each statement on its own exactly as in the whole chart, for a PDF that breaks between them', () => {
    const whole = statementsChart(report, 'support');
    if (!whole) throw new Error('no chart');
    const items = report.items.filter((i) => i.scale === 'support');
    const pieces = items.map((i) => statementChart(i));
    const legend = statementsLegend();
    for (const piece of [legend, ...pieces]) expect(wellFormed(piece.svg)).toBe(true);
    // Stacked, the key and the bars are as tall as the whole chart: nothing added or lost.
    expect(legend.height + pieces.reduce((sum, p) => sum + p.height, 0)).toBe(whole.height);
    // The same bars: each piece's rectangles (after its background) appear in the whole chart.
    const rects = (svg: string) =>
      [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*fill="([^"]+)"/g)]
        .map((m) => `${m[1]} ${m[2]}`)
        .slice(1);
    expect(pieces.flatMap((p) => rects(p.svg))).toEqual(
      rects(whole.svg).slice(rects(legend.svg).length),
    );
    expect(pieces[0]?.svg).toContain('A statement &amp; more');
  });

  it('keep a bar’s percentage clear of England’s hairline when there is room', () => {
    // No mark nearby: at the segment's start.
    expect(labelStart(100, 80, 300)).toBe(104);
    // The hairline would run through the label: just after it.
    expect(labelStart(100, 80, 110)).toBe(113);
    // No room after the hairline: back at the start rather than lost.
    expect(labelStart(100, 35, 110)).toBe(104);
    // Too narrow for any label.
    expect(labelStart(100, 20, null)).toBeNull();
  });

  it('wrap a long scale name in the drivers chart so that it never runs into its bar', () => {
    const title = 'Job demands (turned round: higher is better)';
    const chart = driversChart({
      available: true,
      source: 'national',
      n: 9528,
      r2: 0.3,
      shares: [
        { scale: 'wellbeing', title: 'Wellbeing', share: 0.11, percentOfR2: 36 },
        { scale: 'demands', title, share: 0.02, percentOfR2: 8 },
      ],
      message: 'Based on responses from across England.',
      sentence: '',
    });
    if (!chart) throw new Error('no chart');
    // Where the bars start (every bar starts at the same x, after the label column).
    const bar = Math.min(
      ...[...chart.svg.matchAll(/<rect x="([\d.]+)"[^>]*fill="([^"]+)"/g)]
        .filter(([, , fill]) => fill === COLOURS.la)
        .map(([, x]) => Number(x)),
    );
    expect(bar).toBeGreaterThan(100);
    const labels = [
      ...chart.svg.matchAll(/<text x="0" [^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g),
    ];
    const lines = labels.map(([, size, content]) => ({
      content,
      width: textWidth(content ?? '', Number(size)),
    }));
    expect(lines.map((l) => l.content).join(' ')).toBe(`Wellbeing ${title}`);
    expect(lines.filter((l) => l.width > bar - 8)).toEqual([]);
    expect(wellFormed(chart.svg)).toBe(true);
  });

  it('mark only this LA on the funnel', () => {
    const chart = funnelChart(
      {
        scale: 'support',
        title: 'Support',
        target: 50,
        points: [
          { n: 20, score: 48, own: false, outside95: false, outside998: false },
          { n: 60, score: 41, own: true, outside95: true, outside998: false },
        ],
        limits: [
          { n: 18, lower95: 40, upper95: 60, lower998: 35, upper998: 65 },
          { n: 63, lower95: 45, upper95: 55, lower998: 42, upper998: 58 },
        ],
        ownPosition: 'outside95',
        caption: 'caption',
      },
      'Hartlepool',
    );
    expect(wellFormed(chart.svg)).toBe(true);
    expect(chart.svg.match(new RegExp(`fill="${COLOURS.la}"`, 'g'))).toHaveLength(2); // point + legend
    expect(chart.svg).not.toContain('NaN');
  });

  it('shade heatmap cells by the sign of the difference: green above, red below', () => {
    expect(heatColour(6)).toBe(heatColour(12));
    expect(heatColour(0)).toBe('#ffffff');
    expect([heatColour(3), heatColour(-3)]).toEqual(['#d7ece0', '#f6d7d2']);
    expect(heatColour(-8)).not.toBe(heatColour(8));
  });
});
