import { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';
import { validateAnswers } from './validate-answers';

const required = { intentionToStay: 4, role: 'social-worker', employment: 'permanent' };

describe('validateAnswers (Health Check v1)', () => {
  it('accepts the required answers alone, and a full set', () => {
    expect(validateAnswers(HEALTH_CHECK_V1, required, 'children')).toEqual({
      valid: true,
      answers: required,
    });
    const full: Record<string, number | string> = {
      ...required,
      teamType: 'long-term',
      gender: 'prefer-not-to-say',
    };
    for (const scale of HEALTH_CHECK_V1.scales) for (const item of scale.items) full[item] = 3;
    const result = validateAnswers(HEALTH_CHECK_V1, full, 'children');
    expect(result.valid).toBe(true);
  });

  it.each([
    [
      'unknown question',
      { ...required, favouriteColour: 'blue' },
      'answers.favouriteColour',
      'is not a question in this survey',
    ],
    [
      'out of range',
      { ...required, demands1: 6 },
      'answers.demands1',
      'must be one of 1, 2, 3, 4, 5',
    ],
    ['zero', { ...required, demands1: 0 }, 'answers.demands1', 'must be one of 1, 2, 3, 4, 5'],
    [
      'fraction',
      { ...required, support2: 2.5 },
      'answers.support2',
      'must be one of 1, 2, 3, 4, 5',
    ],
    [
      'number as text',
      { ...required, control3: '3' },
      'answers.control3',
      'must be a number, not string',
    ],
    ['null', { ...required, wellbeing1: null }, 'answers.wellbeing1', 'must be a number, not null'],
    ['text as number', { ...required, role: 3 }, 'answers.role', 'must be text, not number'],
    ['list', { ...required, role: ['asye'] }, 'answers.role', 'must be text, not a list'],
    [
      'unknown choice',
      { ...required, employment: 'freelance' },
      'answers.employment',
      'must be one of "permanent", "agency"',
    ],
    [
      'missing required',
      { role: 'asye', employment: 'agency' },
      'answers.intentionToStay',
      'is required',
    ],
  ])('rejects %s naming the field', (_label, answers, field, message) => {
    const result = validateAnswers(HEALTH_CHECK_V1, answers, 'children');
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors).toContainEqual({ field, message });
  });

  it.each([[null], [[1, 2]], ['answers'], [42]])('rejects a non-object %p', (answers) => {
    expect(validateAnswers(HEALTH_CHECK_V1, answers, 'children')).toEqual({
      valid: false,
      errors: [{ field: 'answers', message: 'must be an object of answers' }],
    });
  });

  it('reports every problem at once', () => {
    const result = validateAnswers(HEALTH_CHECK_V1, { demands1: 9, nope: 1 }, 'children');
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.errors.map((e) => e.field).sort()).toEqual(
        [
          'answers.demands1',
          'answers.employment',
          'answers.intentionToStay',
          'answers.nope',
          'answers.role',
        ].sort(),
      );
    }
  });
});
