import type {
  ChoiceOption,
  InstrumentDefinition,
  QuestionDefinition,
} from '../instrument-definition';
import { HEALTH_CHECK_V1 } from '../health-check-v1/health-check-v1';

// Version 1 offered every respondent the same team types, a mix of children's and adults' teams.
// Version 2 keeps every item and answer scale, and lets each service offer its own teams.

const CHILDRENS_TEAMS: readonly ChoiceOption[] = [
  { value: 'front-door', text: 'Front door, MASH, duty or assessment' },
  { value: 'child-protection', text: 'Child in need or child protection' },
  { value: 'care-and-placements', text: 'Children in care, leaving care, fostering or adoption' },
  { value: 'disabled-children', text: 'Disabled children' },
  { value: 'other', text: 'Other' },
];

const ADULTS_TEAMS: readonly ChoiceOption[] = [
  { value: 'front-door', text: 'Front door, duty or assessment' },
  { value: 'long-term', text: 'Long-term support and reviews' },
  { value: 'safeguarding-adults', text: 'Adult safeguarding' },
  { value: 'hospital', text: 'Hospital or discharge' },
  { value: 'mental-health', text: 'Mental health (including AMHP)' },
  { value: 'learning-disability', text: 'Learning disability or autism' },
  { value: 'other', text: 'Other' },
];

/** Every team type of either service, once, for uses that are not about one service. */
const ALL_TEAMS: readonly ChoiceOption[] = [
  ...CHILDRENS_TEAMS.filter((c) => c.value !== 'other'),
  ...ADULTS_TEAMS.filter((c) => !CHILDRENS_TEAMS.some((k) => k.value === c.value)),
  { value: 'other', text: 'Other' },
];

/** The survey marks optional questions itself, so titles no longer carry "(optional)". */
function v2Question(question: QuestionDefinition): QuestionDefinition {
  if (question.name === 'teamType') {
    return {
      ...question,
      choices: ALL_TEAMS,
      choicesByService: { children: CHILDRENS_TEAMS, adults: ADULTS_TEAMS },
    };
  }
  return { ...question, text: question.text.replace(/ \(optional\)$/, '') };
}

/** Health Check v2: v1's scales and questions, with team types per service. */
export const HEALTH_CHECK_V2: InstrumentDefinition = {
  ...HEALTH_CHECK_V1,
  version: 2,
  questions: HEALTH_CHECK_V1.questions.map(v2Question),
  pages: HEALTH_CHECK_V1.pages.map((page) =>
    page.name === 'about-you'
      ? {
          ...page,
          description:
            'These answers are only used to compare groups of 10 or more people. You can skip any question marked (optional).',
        }
      : page,
  ),
};
