import { buildPollSurveyJson, validatePollAnswers } from './poll-survey';
import { pollAnswerLabel, validatePollDefinition } from './validate-poll';

const wellbeing = {
  type: 'rating',
  name: 'wellbeing-now',
  title: 'How would you rate your wellbeing over the last two weeks?',
  rateMin: 1,
  rateMax: 5,
  minRateDescription: 'Very poor',
  maxRateDescription: 'Very good',
  twoWay: { values: [4, 5], label: 'Good or very good', restLabel: 'Less than good' },
};
const research = {
  type: 'radiogroup',
  name: 'research-use',
  title: 'How often do you use research in your practice?',
  choices: [
    { value: 'never', text: 'Never' },
    { value: 'sometimes', text: 'Sometimes' },
    { value: 'often', text: 'Often' },
  ],
  twoWay: { values: ['often'], label: 'Often', restLabel: 'Less often' },
};
const valid = {
  title: 'Pulse poll 1',
  opensAt: '2026-03-02T09:00',
  closesAt: '2026-03-13T17:00',
  audience: { services: ['children'] },
  questions: [wellbeing, research],
};

describe('validatePollDefinition', () => {
  it('accepts a well-formed poll and reads its times as London time', () => {
    const result = validatePollDefinition(valid);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.poll.opensAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(result.poll.audience).toEqual({ services: ['children'] });
    expect(result.poll.questions).toHaveLength(2);
  });

  it('accepts a reused question by id', () => {
    const result = validatePollDefinition({
      ...valid,
      questions: [{ reuse: '6F1D2C3B-1111-4222-8333-944455556666' }],
    });
    expect(result).toMatchObject({
      valid: true,
      poll: { questions: [{ reuse: '6f1d2c3b-1111-4222-8333-944455556666' }] },
    });
  });

  it('reports every problem at once, each with its path', () => {
    const result = validatePollDefinition({
      title: ' ',
      opensAt: '2026-03-29T01:30',
      closesAt: 'soon',
      audience: { roles: ['wizard'], colour: 'red' },
      questions: [
        { ...wellbeing, rateMax: 1, twoWay: { values: [4], label: 'Good', restLabel: 'Good' } },
        {
          ...research,
          name: 'Research Use',
          choices: [
            { value: 'never', text: 'Never' },
            { value: 'never', text: '' },
          ],
          twoWay: { values: ['always'], label: 'x', restLabel: 'y' },
        },
        { type: 'text', name: 'free' },
        { reuse: 'not-an-id' },
      ],
    });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'title',
      'opensAt',
      'closesAt',
      'audience.colour',
      'audience.roles[0]',
      'questions[0].rateMax',
      'questions[0].twoWay.restLabel',
      'questions[1].name',
      'questions[1].choices[1].value',
      'questions[1].choices[1].text',
      'questions[1].twoWay.values[0]',
      'questions[2].type',
      'questions[3].reuse',
    ]);
    expect(result.errors.find((e) => e.field === 'questions[2].type')?.message).toBe(
      'must be one of radiogroup, dropdown, rating',
    );
  });

  it('asks for 1 to 5 questions with distinct names and a declared two-way split', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ ...research, name: `q-${i}` }));
    const cases: [unknown[], string][] = [
      [[], 'questions'],
      [six, 'questions'],
      [[research, research], 'questions[1].name'],
      [[{ ...research, twoWay: undefined }], 'questions[0].twoWay'],
      [
        [{ ...research, twoWay: { ...research.twoWay, values: ['never', 'sometimes', 'often'] } }],
        'questions[0].twoWay.values',
      ],
      [[{ ...research, rateMin: 1 }], 'questions[0].rateMin'],
    ];
    for (const [questions, field] of cases) {
      const result = validatePollDefinition({ ...valid, questions });
      expect(result.valid ? [] : result.errors.map((e) => e.field)).toContain(field);
    }
  });

  it('needs the poll to close at least an hour after it opens', () => {
    const result = validatePollDefinition({ ...valid, closesAt: '2026-03-02T09:30' });
    expect(result.valid ? [] : result.errors).toEqual([
      { field: 'closesAt', message: 'must be at least an hour after opensAt' },
    ]);
  });
});

describe('poll survey and answers', () => {
  const questions = [
    {
      ...(wellbeing as never as { type: 'rating'; name: string; title: string; twoWay: never }),
      id: 'a',
    },
    {
      ...(research as never as { type: 'radiogroup'; name: string; title: string; twoWay: never }),
      id: 'b',
    },
  ];

  it('builds one page of required questions', () => {
    const json = buildPollSurveyJson('Pulse', questions);
    const elements = (json['pages'] as { elements: Record<string, unknown>[] }[])[0]?.elements;
    expect(elements?.map((e) => [e['type'], e['name'], e['isRequired']])).toEqual([
      ['rating', 'wellbeing-now', true],
      ['radiogroup', 'research-use', true],
    ]);
  });

  it('accepts one valid answer per question', () => {
    expect(validatePollAnswers(questions, { 'wellbeing-now': 4, 'research-use': 'often' })).toEqual(
      {
        valid: true,
        answers: { 'wellbeing-now': 4, 'research-use': 'often' },
      },
    );
  });

  it('names every problem with the answer', () => {
    const result = validatePollAnswers(questions, { 'wellbeing-now': '4', extra: 1 });
    expect(result).toEqual({
      valid: false,
      errors: [
        { field: 'answers.wellbeing-now', message: 'must be one of 1, 2, 3, 4, 5' },
        { field: 'answers.extra', message: 'is not a question in this poll' },
        { field: 'answers.research-use', message: 'is required' },
      ],
    });
    expect(validatePollAnswers(questions, [1])).toMatchObject({ valid: false });
    expect(
      validatePollAnswers(questions, { 'wellbeing-now': [4], 'research-use': 'often' }),
    ).toMatchObject({
      errors: [{ field: 'answers.wellbeing-now', message: 'must be one answer' }],
    });
  });

  it('labels answers as the member saw them', () => {
    expect(pollAnswerLabel(questions[0] as never, 5)).toBe('5 (Very good)');
    expect(pollAnswerLabel(questions[0] as never, 3)).toBe('3');
    expect(pollAnswerLabel(questions[1] as never, 'often')).toBe('Often');
  });
});
