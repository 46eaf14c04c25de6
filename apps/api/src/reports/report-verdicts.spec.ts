import { VERDICT_LABELS } from '@swhc/contracts';
import { parseCsvRows } from '@swhc/csv';
import { reportCsv } from './csv/report-csv';
import { funnelCaption, scaleSentence } from './report-wording';
import { buildReport, funnelsOf, inputs, OWN, rows } from './testing/synthetic-report';

const SENTENCE = {
  better: 'higher than England',
  similar: 'close to England',
  worse: 'lower than England',
};
const CAPTION = {
  better: 'Compared with England this is clearly better.',
  similar: 'Compared with England there is no clear difference.',
  worse: 'Compared with England this is clearly worse.',
};

describe('one verdict per scale', () => {
  // Several LAs drawn from the seeded model: between them, better, similar and worse all occur.
  const reports = [60, 90, 120, 150, 200].map((n) => {
    const la = rows(OWN, n);
    return buildReport(inputs(la, { funnel: funnelsOf(la) }));
  });

  it('says the same in the sentence, the funnel caption and the CSV as in the JSON verdict', () => {
    const seen = new Set<string>();
    for (const report of reports) {
      const csv = parseCsvRows(reportCsv(report));
      const header = csv.find((r) => r[0] === 'Scale' && r.includes('Compared with England')) ?? [];
      for (const scale of report.scales) {
        if (scale.suppressed || 'suppressed' in scale.national) throw new Error('not served');
        const verdict = scale.national.verdict;
        seen.add(verdict);
        expect(scale.sentence).toContain(SENTENCE[verdict]);
        const funnel = report.funnel.find((f) => f.scale === scale.key);
        expect(funnel?.caption).toContain(CAPTION[verdict]);
        const row = csv.find((r) => r[0] === scale.title);
        expect(row?.[header.indexOf('Compared with England')]).toBe(VERDICT_LABELS[verdict]);
        // No second, contrary verdict anywhere in the caption.
        for (const other of ['better', 'similar', 'worse'] as const) {
          if (other !== verdict) expect(funnel?.caption).not.toContain(CAPTION[other]);
        }
      }
    }
    expect([...seen].sort()).toEqual(['better', 'similar', 'worse']);
  });

  it('explains, without a second verdict, when the funnel’s limits disagree with the headline', () => {
    const national = {
      label: 'England (other local authorities)',
      n: 1000,
      mean: 3,
      score: 50,
      difference: -3,
      differenceCi: { lower: -6.1, upper: 0.1 },
      p: 0.06,
      significant: false,
      verdict: 'similar' as const,
    };
    const caption = funnelCaption(
      'Hartlepool',
      {
        ownPosition: 'outside95',
        points: [{ n: 60, score: 47, own: true, outside95: true, outside998: false }],
      },
      national,
    );
    expect(caption).toContain(CAPTION.similar);
    expect(caption).toContain('just outside the funnel’s 95% limits');
    expect(caption).not.toMatch(/worse|better/);
    expect(
      scaleSentence('Support', 47, national, {
        status: 'no-previous-wave',
        previousWave: null,
        message: '',
      }),
    ).toBe('Support scored 47 out of 100: close to England (50), with no clear difference.');
  });
});
