import { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';
import {
  answerSide,
  favourableAnswer,
  reportedMean,
  reportedScore,
  reportedTurnedRound,
} from './report-direction';

// Read off the wording of each statement by a person, not computed: is agreeing good news?
const AGREEING_IS_GOOD_NEWS: Readonly<Record<string, boolean>> = {
  demands1: false, // My caseload is more than I can manage safely.
  demands2: false, // I often work beyond my contracted hours to keep up.
  demands3: false, // I am expected to meet deadlines that are not realistic.
  demands4: false, // The emotional side of my work leaves me drained at the end of the day.
  demands5: true, // I have enough time to write up my work properly.
  demands6: true, // My work is planned so that I can give each person the attention they need.
  support1: true,
  support2: true,
  support3: true,
  support4: true,
  support5: false, // I am left on my own to deal with difficult situations.
  support6: false, // My supervision is often cancelled or cut short.
  control1: true,
  control2: true,
  control3: true,
  control4: true,
  control5: false, // Procedures leave me little room to decide how to do my job.
  control6: false, // Decisions about my work are made without asking me.
  wellbeing1: true,
  wellbeing2: true,
  wellbeing3: true,
  wellbeing4: true,
  wellbeing5: false, // Over the last two weeks I have felt worn out by my work.
  wellbeing6: false, // I find it hard to stop thinking about work when I am at home.
};

describe('report direction', () => {
  it('names the favourable answer of every Health Check v1 statement, reverse-keyed ones included', () => {
    const seen: string[] = [];
    for (const scale of HEALTH_CHECK_V1.scales) {
      for (const item of scale.items) {
        seen.push(item);
        expect([item, favourableAnswer(scale, item)]).toEqual([
          item,
          AGREEING_IS_GOOD_NEWS[item] ? 'agree' : 'disagree',
        ]);
      }
    }
    expect(seen.sort()).toEqual(Object.keys(AGREEING_IS_GOOD_NEWS).sort());
  });

  it('turns round only the scales whose higher raw score is worse', () => {
    expect(HEALTH_CHECK_V1.scales.filter(reportedTurnedRound).map((s) => s.key)).toEqual([
      'demands',
    ]);
    const [demands, support] = HEALTH_CHECK_V1.scales;
    if (!demands || !support) throw new Error('scales missing');
    expect(reportedScore(demands, 30)).toBe(70);
    expect(reportedScore(support, 30)).toBe(30);
    expect(reportedMean(demands, { min: 1, max: 5 }, 4.5)).toBe(1.5);
    expect(reportedMean(support, { min: 1, max: 5 }, 4.5)).toBe(4.5);
  });

  it('agrees with the scoring: a favourable answer never lowers the reported score', () => {
    for (const scale of HEALTH_CHECK_V1.scales) {
      for (const item of scale.items) {
        // Raw 0–100 contribution of answering 5 rather than 1, after reverse keying.
        const raw = scale.reversed.includes(item) ? -100 : 100;
        const reported = reportedScore(scale, 50 + raw / 2) - reportedScore(scale, 50);
        expect(favourableAnswer(scale, item) === 'agree').toBe(reported > 0);
      }
    }
  });
});

describe('answerSide', () => {
  it('splits a 1–5 agreement scale at its middle', () => {
    expect([1, 2, 3, 4, 5].map((v) => answerSide({ min: 1, max: 5 }, v))).toEqual([
      'disagree',
      'disagree',
      'neutral',
      'agree',
      'agree',
    ]);
  });
});
