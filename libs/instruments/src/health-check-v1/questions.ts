import type { ChoiceOption, QuestionDefinition } from '../instrument-definition';

// Every item is written for this instrument; none is taken from a copyrighted questionnaire.

export const AGREEMENT: readonly ChoiceOption[] = [
  { value: 1, text: 'Strongly disagree' },
  { value: 2, text: 'Disagree' },
  { value: 3, text: 'Neither agree nor disagree' },
  { value: 4, text: 'Agree' },
  { value: 5, text: 'Strongly agree' },
];

const LIKELIHOOD: readonly ChoiceOption[] = [
  { value: 1, text: 'Very unlikely' },
  { value: 2, text: 'Unlikely' },
  { value: 3, text: 'Not sure' },
  { value: 4, text: 'Likely' },
  { value: 5, text: 'Very likely' },
];

const PREFER_NOT_TO_SAY: ChoiceOption = { value: 'prefer-not-to-say', text: 'Prefer not to say' };

function item(name: string, text: string): QuestionDefinition {
  return {
    name,
    text,
    role: 'scale-item',
    required: false,
    answerType: 'numeric',
    choices: AGREEMENT,
  };
}

function aboutYou(
  name: string,
  text: string,
  choices: readonly ChoiceOption[],
  required: boolean,
): QuestionDefinition {
  return { name, text, role: 'about-you', required, answerType: 'text', choices };
}

export const DEMANDS_ITEMS = [
  item('demands1', 'My caseload is more than I can manage safely.'),
  item('demands2', 'I often work beyond my contracted hours to keep up.'),
  item('demands3', 'I am expected to meet deadlines that are not realistic.'),
  item('demands4', 'The emotional side of my work leaves me drained at the end of the day.'),
  item('demands5', 'I have enough time to write up my work properly.'),
  item('demands6', 'My work is planned so that I can give each person the attention they need.'),
];

export const SUPPORT_ITEMS = [
  item('support1', 'My manager gives me the help I need when a case is difficult.'),
  item('support2', 'I get regular supervision that helps me reflect on my practice.'),
  item('support3', 'I can rely on colleagues in my team when things get tough.'),
  item('support4', 'My organisation shows that it values the work I do.'),
  item('support5', 'I am left on my own to deal with difficult situations.'),
  item('support6', 'My supervision is often cancelled or cut short.'),
];

export const CONTROL_ITEMS = [
  item('control1', 'I have a say in how I organise my working day.'),
  item(
    'control2',
    'I can use my professional judgement in decisions about the people I work with.',
  ),
  item('control3', 'I am asked for my view before changes that affect my work.'),
  item('control4', 'I can choose the approach I take with each piece of work.'),
  item('control5', 'Procedures leave me little room to decide how to do my job.'),
  item('control6', 'Decisions about my work are made without asking me.'),
];

export const WELLBEING_ITEMS = [
  item('wellbeing1', 'Over the last two weeks I have felt able to cope with my work.'),
  item('wellbeing2', 'I feel positive about my work on most days.'),
  item('wellbeing3', 'I sleep well, even after a hard day at work.'),
  item('wellbeing4', 'I have energy left for my life outside work.'),
  item('wellbeing5', 'Over the last two weeks I have felt worn out by my work.'),
  item('wellbeing6', 'I find it hard to stop thinking about work when I am at home.'),
];

export const INTENTION_TO_STAY: QuestionDefinition = {
  name: 'intentionToStay',
  text: 'How likely is it that you will still be working for this organisation in a year’s time?',
  role: 'outcome',
  required: true,
  answerType: 'numeric',
  choices: LIKELIHOOD,
};

export const ABOUT_YOU = [
  aboutYou(
    'role',
    'Which best describes your role?',
    [
      { value: 'asye', text: 'Newly qualified social worker (ASYE)' },
      { value: 'social-worker', text: 'Social worker' },
      { value: 'senior-practitioner', text: 'Senior or advanced practitioner' },
      { value: 'team-manager', text: 'Team manager or assistant team manager' },
      { value: 'other', text: 'Other social work role' },
    ],
    true,
  ),
  aboutYou(
    'teamType',
    'Which type of team do you mainly work in?',
    [
      { value: 'front-door', text: 'Front door, duty or assessment' },
      { value: 'long-term', text: 'Long-term or case-holding' },
      { value: 'safeguarding', text: 'Safeguarding or child protection' },
      { value: 'specialist', text: 'Specialist (for example mental health, disability, hospital)' },
      {
        value: 'care-and-placements',
        text: 'Children in care, leaving care, fostering or adoption',
      },
      { value: 'other', text: 'Other' },
    ],
    false,
  ),
  aboutYou(
    'employment',
    'Are you employed directly or through an agency?',
    [
      { value: 'permanent', text: 'Directly employed (permanent or fixed term)' },
      { value: 'agency', text: 'Through an agency' },
    ],
    true,
  ),
  aboutYou(
    'yearsQualified',
    'How many years is it since you qualified as a social worker?',
    [
      { value: '0-2', text: 'Less than 3 years' },
      { value: '3-5', text: '3 to 5 years' },
      { value: '6-10', text: '6 to 10 years' },
      { value: '11-20', text: '11 to 20 years' },
      { value: '21+', text: 'More than 20 years' },
    ],
    false,
  ),
  aboutYou(
    'workingPattern',
    'Do you work full time or part time?',
    [
      { value: 'full-time', text: 'Full time' },
      { value: 'part-time', text: 'Part time' },
    ],
    false,
  ),
  aboutYou(
    'gender',
    'What is your gender? (optional)',
    [
      { value: 'woman', text: 'Woman' },
      { value: 'man', text: 'Man' },
      { value: 'other', text: 'In another way' },
      PREFER_NOT_TO_SAY,
    ],
    false,
  ),
  aboutYou(
    'ethnicity',
    'What is your ethnic group? (optional)',
    [
      { value: 'asian', text: 'Asian or Asian British' },
      { value: 'black', text: 'Black, Black British, Caribbean or African' },
      { value: 'mixed', text: 'Mixed or multiple ethnic groups' },
      { value: 'white', text: 'White' },
      { value: 'other', text: 'Another ethnic group' },
      PREFER_NOT_TO_SAY,
    ],
    false,
  ),
  aboutYou(
    'disability',
    'Do you consider yourself to have a disability or long-term health condition? (optional)',
    [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }, PREFER_NOT_TO_SAY],
    false,
  ),
];
