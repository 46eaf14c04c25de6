import type { InstrumentDefinition } from '../instrument-definition';
import {
  ABOUT_YOU,
  CONTROL_ITEMS,
  DEMANDS_ITEMS,
  INTENTION_TO_STAY,
  SUPPORT_ITEMS,
  WELLBEING_ITEMS,
} from './questions';

const names = (questions: readonly { name: string }[]): string[] => questions.map((q) => q.name);

/** Health Check v1: four 6-item scales (two reverse-keyed items each), intention to stay, about you. */
export const HEALTH_CHECK_V1: InstrumentDefinition = {
  key: 'health-check',
  version: 1,
  title: 'Social Work Health Check',
  description:
    'This survey is anonymous. It takes about 10 minutes. Your answers are combined with others and ' +
    'results are never shown for groups of fewer than 10 people.',
  responseScale: { min: 1, max: 5 },
  questions: [
    ...DEMANDS_ITEMS,
    ...SUPPORT_ITEMS,
    ...CONTROL_ITEMS,
    ...WELLBEING_ITEMS,
    INTENTION_TO_STAY,
    ...ABOUT_YOU,
  ],
  pages: [
    {
      name: 'demands',
      title: 'Your workload',
      description: 'How far do you agree or disagree with each statement?',
      questions: names(DEMANDS_ITEMS),
    },
    {
      name: 'support',
      title: 'Support from your manager and colleagues',
      description: 'How far do you agree or disagree with each statement?',
      questions: names(SUPPORT_ITEMS),
    },
    {
      name: 'control',
      title: 'Control over your work',
      description: 'How far do you agree or disagree with each statement?',
      questions: names(CONTROL_ITEMS),
    },
    {
      name: 'wellbeing',
      title: 'How you have been feeling',
      description: 'How far do you agree or disagree with each statement?',
      questions: names(WELLBEING_ITEMS),
    },
    {
      name: 'about-you',
      title: 'Your plans and about you',
      description:
        'These answers are only used to compare groups of 10 or more people. Questions marked optional can be skipped.',
      questions: [INTENTION_TO_STAY.name, ...names(ABOUT_YOU)],
    },
  ],
  scales: [
    {
      key: 'demands',
      title: 'Job demands',
      items: names(DEMANDS_ITEMS),
      reversed: ['demands5', 'demands6'],
      minAnswered: 4,
      higherIsBetter: false,
    },
    {
      key: 'support',
      title: 'Support',
      items: names(SUPPORT_ITEMS),
      reversed: ['support5', 'support6'],
      minAnswered: 4,
      higherIsBetter: true,
    },
    {
      key: 'control',
      title: 'Control and autonomy',
      items: names(CONTROL_ITEMS),
      reversed: ['control5', 'control6'],
      minAnswered: 4,
      higherIsBetter: true,
    },
    {
      key: 'wellbeing',
      title: 'Wellbeing',
      items: names(WELLBEING_ITEMS),
      reversed: ['wellbeing5', 'wellbeing6'],
      minAnswered: 4,
      higherIsBetter: true,
    },
  ],
  outcome: INTENTION_TO_STAY.name,
  groupingQuestions: ['role', 'teamType', 'employment'],
};
