import { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';
import { buildSurveyJson } from './survey-json';

describe('Health Check v1 definition', () => {
  const survey = buildSurveyJson(HEALTH_CHECK_V1, 'children');
  const elements = (
    survey['pages'] as { elements: { name: string; isRequired: boolean }[] }[]
  ).flatMap((p) => p.elements);

  it('puts every question on exactly one page', () => {
    expect(elements.map((e) => e.name).sort()).toEqual(
      HEALTH_CHECK_V1.questions.map((q) => q.name).sort(),
    );
  });

  it('has four 6-item scales, each with two reverse-keyed items that belong to it', () => {
    expect(HEALTH_CHECK_V1.scales).toHaveLength(4);
    for (const scale of HEALTH_CHECK_V1.scales) {
      expect(scale.items).toHaveLength(6);
      expect(scale.reversed).toHaveLength(2);
      for (const r of scale.reversed) expect(scale.items).toContain(r);
      expect(scale.minAnswered).toBe(4);
    }
  });

  it('marks only intention to stay, role and employment as required', () => {
    expect(elements.filter((e) => e.isRequired).map((e) => e.name)).toEqual([
      'intentionToStay',
      'role',
      'employment',
    ]);
  });

  it('offers "prefer not to say" on every equality question', () => {
    for (const name of ['gender', 'ethnicity', 'disability']) {
      const question = HEALTH_CHECK_V1.questions.find((q) => q.name === name);
      expect(question?.choices.map((c) => c.value)).toContain('prefer-not-to-say');
    }
  });
});
