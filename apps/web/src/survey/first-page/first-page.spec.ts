import { nativeFirstPage, unansweredRequired } from './first-page';

const scale = [1, 2, 3].map((value) => ({ value, text: `Option ${value}` }));
/** The shape buildSurveyJson gives a health check (libs/instruments). */
const healthCheck = {
  title: 'Health Check 2026',
  description: 'About your work',
  showProgressBar: 'top',
  progressBarType: 'pages',
  showQuestionNumbers: 'off',
  questionErrorLocation: 'top',
  checkErrorsMode: 'onNextPage',
  completeText: 'Send my answers',
  showCompletedPage: false,
  pages: [
    {
      name: 'p1',
      title: 'Your work',
      description: 'The last month',
      elements: [
        {
          type: 'radiogroup',
          name: 'd1',
          title: 'First',
          isRequired: true,
          choices: scale,
          colCount: 1,
        },
        {
          type: 'radiogroup',
          name: 'd2',
          title: 'Second',
          isRequired: false,
          choices: scale,
          colCount: 1,
        },
      ],
    },
    { name: 'p2', title: 'More', elements: [{ type: 'radiogroup', name: 'd3', choices: scale }] },
  ],
};
/** The shape buildPollSurveyJson gives a poll (libs/instruments). */
const poll = {
  title: 'Phone pulse',
  showQuestionNumbers: 'off',
  questionErrorLocation: 'top',
  checkErrorsMode: 'onComplete',
  completeText: 'Send my answers',
  showCompletedPage: false,
  pages: [
    {
      name: 'poll',
      elements: [
        {
          name: 'wellbeing',
          title: 'How are you?',
          isRequired: true,
          type: 'rating',
          rateMin: 1,
          rateMax: 5,
          minRateDescription: 'Awful',
          maxRateDescription: 'Great',
          displayRateDescriptionsAsExtremeItems: false,
        },
        {
          name: 'region',
          title: 'Where?',
          isRequired: true,
          type: 'dropdown',
          choices: [{ value: 'north', text: 'North' }, 'south'],
          placeholder: 'Select an answer',
        },
      ],
    },
  ],
};

describe('nativeFirstPage', () => {
  it('reads a health check’s first page: titles, required rule, choices with their values, "Continue"', () => {
    const page = nativeFirstPage(healthCheck);
    expect(page).toMatchObject({
      title: 'Health Check 2026',
      description: 'About your work',
      pageCount: 2,
      pageTitle: 'Your work',
      pageDescription: 'The last month',
      buttonText: 'Continue',
    });
    expect(page?.questions.map((q) => [q.name, q.control, q.required])).toEqual([
      ['d1', 'radios', true],
      ['d2', 'radios', false],
    ]);
    expect(page?.questions[0]?.choices).toEqual(scale);
  });

  it('reads a poll: a rating as numbered radios with its end descriptions, a dropdown, the survey’s send button', () => {
    const page = nativeFirstPage(poll);
    expect(page?.pageCount).toBe(1);
    expect(page?.buttonText).toBe('Send my answers');
    expect(page?.questions[0]?.choices).toEqual([
      { value: 1, text: '1', hint: 'Awful' },
      { value: 2, text: '2' },
      { value: 3, text: '3' },
      { value: 4, text: '4' },
      { value: 5, text: '5', hint: 'Great' },
    ]);
    expect(page?.questions[1]).toMatchObject({
      control: 'select',
      placeholder: 'Select an answer',
      choices: [
        { value: 'north', text: 'North' },
        { value: 'south', text: 'south' },
      ],
    });
  });

  it('takes the GOV.UK button words when the survey names none', () => {
    const noWords: Record<string, unknown> = { ...poll };
    delete noWords['completeText'];
    expect(nativeFirstPage(noWords)?.buttonText).toBe('Send answers');
  });

  const withFirstQuestion = (change: Record<string, unknown>) => ({
    ...healthCheck,
    pages: [
      { ...healthCheck.pages[0], elements: [{ ...healthCheck.pages[0]?.elements[0], ...change }] },
      healthCheck.pages[1],
    ],
  });
  it.each([
    ['a condition on a question', withFirstQuestion({ visibleIf: '{x} = 1' })],
    ['a validator', withFirstQuestion({ validators: [{ type: 'numeric' }] })],
    ['a question type it does not show', withFirstQuestion({ type: 'checkbox' })],
    ['options in columns', withFirstQuestion({ colCount: 3 })],
    ['a choice with a condition', withFirstQuestion({ choices: [{ value: 1, visibleIf: 'x' }] })],
    ['question numbers', { ...healthCheck, showQuestionNumbers: 'on' }],
    ['random question order', { ...healthCheck, questionsOrder: 'random' }],
    [
      'a later page that may be hidden',
      {
        ...healthCheck,
        pages: [healthCheck.pages[0], { ...healthCheck.pages[1], visibleIf: 'x' }],
      },
    ],
    ['no pages', { title: 'Empty', pages: [] }],
  ])('leaves the page to SurveyJS for %s', (_, json) => {
    expect(nativeFirstPage(json)).toBeNull();
  });

  it('checks the "required" rule of the JSON: only required questions without an answer', () => {
    const page = nativeFirstPage(healthCheck);
    if (!page) throw new Error('expected a native page');
    expect(unansweredRequired(page, {}).map((q) => q.name)).toEqual(['d1']);
    expect(unansweredRequired(page, { d1: 2 })).toEqual([]);
  });
});
