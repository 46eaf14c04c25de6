import { HEALTH_CHECK_V1 } from '../health-check-v1/health-check-v1';
import { choicesFor } from '../instrument-definition';
import { buildSurveyJson } from '../survey-json';
import { validateAnswers } from '../validate-answers';
import { validateInstrumentDefinition } from '../validate-definition';
import { HEALTH_CHECK_V2 } from './health-check-v2';

const teamType = HEALTH_CHECK_V2.questions.find((q) => q.name === 'teamType');

/** The team-type choices in one service's SurveyJS JSON. */
function surveyTeamTypes(service: 'children' | 'adults'): string[] {
  const pages = buildSurveyJson(HEALTH_CHECK_V2, service)['pages'] as {
    elements: { name: string; choices: { value: string }[] }[];
  }[];
  const question = pages.flatMap((p) => p.elements).find((e) => e.name === 'teamType');
  return question?.choices.map((c) => c.value) ?? [];
}

describe('Health Check v2', () => {
  it('keeps every v1 item and scale word for word', () => {
    expect(HEALTH_CHECK_V2.scales).toEqual(HEALTH_CHECK_V1.scales);
    for (const q of HEALTH_CHECK_V1.questions.filter((q) => q.role !== 'about-you'))
      expect(HEALTH_CHECK_V2.questions.find((v2) => v2.name === q.name)).toEqual(q);
  });

  it("never offers the adults' survey a children's team type, nor the other way round", () => {
    const adults = surveyTeamTypes('adults');
    const children = surveyTeamTypes('children');
    expect(adults).toEqual(teamType && choicesFor(teamType, 'adults').map((c) => c.value));
    expect(adults).not.toContain('care-and-placements');
    expect(adults).not.toContain('child-protection');
    expect(children).not.toContain('safeguarding-adults');
    expect(children).not.toContain('hospital');
  });

  it("refuses a children's team type in an adults' response", () => {
    const answers = {
      intentionToStay: 3,
      role: 'social-worker',
      employment: 'permanent',
      teamType: 'care-and-placements',
    };
    expect(validateAnswers(HEALTH_CHECK_V2, answers, 'children').valid).toBe(true);
    const adults = validateAnswers(HEALTH_CHECK_V2, answers, 'adults');
    expect(adults.valid).toBe(false);
    expect(adults.valid ? [] : adults.errors.map((e) => e.field)).toEqual(['answers.teamType']);
  });

  it('is a valid definition as an administrator would upload it', () => {
    const result = validateInstrumentDefinition(JSON.parse(JSON.stringify(HEALTH_CHECK_V2)));
    expect(result.valid ? result.definition : result.errors).toEqual(HEALTH_CHECK_V2);
  });
});
