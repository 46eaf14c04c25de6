import type { ItemDistribution, LaReport, ScaleResult, StatementBenchmarks } from '@swhc/contracts';

const england = (
  favourablePercent: number,
  difference: number,
  verdict: 'better' | 'similar' | 'worse',
) => ({
  label: 'England (other local authorities)',
  n: 1092,
  favourablePercent,
  difference,
  differenceCi: { lower: difference - 5, upper: difference + 5 },
  p: verdict === 'similar' ? 0.4 : 0.01,
  significant: verdict !== 'similar',
  verdict,
});

const benchmarks = (e: ReturnType<typeof england>): StatementBenchmarks => ({
  england: e,
  region: {
    suppressed: true,
    reason: 'differencing',
    message: 'Fewer than 3 other local authorities in the region responded',
  },
  change: {
    status: 'not-comparable',
    previousWave: { id: 'w24', name: 'Health Check 2024' },
    message:
      'The survey may not have measured this the same way in both waves, so the change is not shown as a change.',
  },
});

const demands: ScaleResult = {
  key: 'demands',
  title: 'Manageable workload',
  higherIsBetter: true,
  turnedRoundFrom: 'Job demands',
  about: 'whether caseloads, hours, deadlines and the emotional load of the work feel manageable',
  suppressed: false,
  n: 60,
  mean: 3.1,
  meanCi: { lower: 2.9, upper: 3.3 },
  score: 52.4,
  scoreCi: { lower: 48.4, upper: 56.4 },
  national: {
    label: 'England (other local authorities)',
    n: 1092,
    mean: 2.8,
    score: 44.9,
    difference: 7.5,
    differenceCi: { lower: 3.4, upper: 11.6 },
    p: 0.001,
    significant: true,
    verdict: 'better',
  },
  regional: {
    suppressed: true,
    reason: 'differencing',
    message: 'Fewer than 3 other local authorities in the region responded',
  },
  change: {
    status: 'shown',
    previousWave: { id: 'w24', name: 'Health Check 2024' },
    previousN: 55,
    previousScore: 50,
    difference: 2.4,
    differenceCi: { lower: -2, upper: 6.8 },
    p: 0.3,
    significant: false,
    hedgesG: 0.12,
    verdict: 'similar',
    message:
      'Compared with Health Check 2024; the survey measured this the same way in both waves.',
  },
  reliability: { alpha: 0.81, n: 60 },
  sentence:
    'Manageable workload scored 52 out of 100: higher than England (45), a clear difference. No clear change since Health Check 2024.',
};

const items: ItemDistribution[] = [
  {
    item: 'demands1',
    text: 'My caseload is more than I can manage safely.',
    scale: 'demands',
    reversed: false,
    favourable: 'disagree',
    suppressed: false,
    split: 'three-way',
    agree: 25,
    neutral: 25,
    disagree: 50,
    favourablePercent: 50,
    benchmarks: benchmarks(england(38, 12, 'better')),
  },
  {
    item: 'demands5',
    text: 'I have enough time to write up my work properly.',
    scale: 'demands',
    reversed: true,
    favourable: 'agree',
    suppressed: false,
    split: 'two-way',
    favourablePercent: 30,
    restPercent: 70,
    benchmarks: benchmarks(england(40, -10, 'worse')),
  },
  {
    item: 'demands6',
    text: 'My work is planned so that I can give each person the attention they need.',
    scale: 'demands',
    reversed: true,
    favourable: 'agree',
    suppressed: true,
    reason: 'dominant-answer',
    message: 'Hidden because fewer than 10 people answered differently from everyone else',
  },
];

/** A released report of Hartlepool with one served and one suppressed scale. */
export const REPORT: LaReport = {
  organisation: { gssCode: 'E06000001', name: 'Hartlepool', region: 'North East' },
  service: 'children',
  wave: {
    id: 'w25',
    name: 'Health Check 2025',
    opensAt: '2025-09-01T00:00:00.000Z',
    closesAt: '2025-11-30T00:00:00.000Z',
    state: 'closed',
  },
  waves: [],
  minimumGroupSize: 10,
  responses: {
    count: 60,
    headcount: 40,
    responseRate: 150,
    message: null,
    sentence:
      '60 people responded, more than the headcount of 40 that was entered: check the headcount.',
  },
  scoresReleased: true,
  status: 'Health Check 2025 closed on 30 November 2025. These results are from 60 responses.',
  summary: {
    strengths: [
      {
        item: 'demands1',
        text: 'My caseload is more than I can manage safely.',
        scale: 'demands',
        favourablePercent: 50,
        englandFavourablePercent: 38,
        difference: 12,
      },
    ],
    concerns: [],
    topDrivers: [],
  },
  scales: [
    demands,
    {
      key: 'support',
      title: 'Support',
      higherIsBetter: true,
      turnedRoundFrom: null,
      about: 'help from managers, supervision and colleagues, and feeling valued',
      suppressed: true,
      reason: 'below-k',
      message: 'Fewer than 10 responses',
    },
  ],
  items,
  groups: [
    {
      dimension: 'employment',
      title: 'Employment',
      groups: [
        {
          key: 'permanent',
          label: 'Directly employed',
          suppressed: false,
          n: 50,
          scales: [
            { scale: 'demands', suppressed: false, n: 50, score: 55.1, differenceFromOverall: 2.7 },
            {
              scale: 'support',
              suppressed: true,
              reason: 'below-k',
              message: 'Fewer than 10 responses',
            },
          ],
          statements: [
            {
              item: 'demands1',
              suppressed: false,
              n: 48,
              favourablePercent: 54,
              differenceFromOverall: 4,
            },
          ],
        },
        {
          key: 'agency',
          label: 'Through an agency',
          suppressed: true,
          reason: 'below-k',
          message: 'Fewer than 10 responses',
        },
      ],
    },
  ],
  drivers: {
    available: true,
    source: 'national',
    n: 1000,
    r2: 0.4,
    shares: [
      { scale: 'demands', title: 'Manageable workload', share: 0.3, percentOfR2: 75 },
      { scale: 'support', title: 'Support', share: 0.1, percentOfR2: 25 },
    ],
    message:
      'Based on 1,000 responses from across England, because Hartlepool has fewer than 100 complete responses.',
    sentence:
      'Manageable workload goes most with whether people expect to stay, then support. Together the 2 areas account for 40% of the differences between people in how likely they are to stay.',
  },
  funnel: [
    {
      scale: 'demands',
      title: 'Manageable workload',
      target: 46,
      points: [
        { n: 30, score: 44, own: false, outside95: false, outside998: false },
        { n: 60, score: 52.4, own: true, outside95: true, outside998: false },
      ],
      limits: [
        { n: 27, lower95: 38, upper95: 54, lower998: 33, upper998: 59 },
        { n: 63, lower95: 41, upper95: 51, lower998: 38, upper998: 54 },
      ],
      ownPosition: 'outside95',
      caption:
        'Hartlepool (the blue diamond) scored 52 from 60 responses. Compared with England this is clearly better.',
    },
  ],
  generatedAt: '2026-01-01T00:00:00.000Z',
};
