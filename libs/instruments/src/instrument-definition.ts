import type { ServiceKind } from '@swhc/contracts';

/**
 * An instrument version as data: its questions (from which the SurveyJS JSON is built) and its
 * scoring key. A published version is immutable, so results stay tied to the wording people saw.
 */

export interface ChoiceOption {
  readonly value: string | number;
  readonly text: string;
}

/** Where a question's answer is used: a scale item, the outcome, or grouping only. */
export type QuestionRole = 'scale-item' | 'outcome' | 'about-you';

export interface QuestionDefinition {
  readonly name: string;
  readonly text: string;
  readonly role: QuestionRole;
  readonly required: boolean;
  /** Integer answers (scale items, outcome) use `numeric`; grouping questions use text values. */
  readonly answerType: 'numeric' | 'text';
  readonly choices: readonly ChoiceOption[];
  /**
   * Choices that replace `choices` for one service, e.g. the team types of adults' services: the
   * adults' survey never offers children's team types.
   */
  readonly choicesByService?: Readonly<Partial<Record<ServiceKind, readonly ChoiceOption[]>>>;
  readonly description?: string;
}

/** The choices a question offers in one service's survey. */
export function choicesFor(
  question: Pick<QuestionDefinition, 'choices' | 'choicesByService'>,
  service: ServiceKind,
): readonly ChoiceOption[] {
  return question.choicesByService?.[service] ?? question.choices;
}

export interface ScaleDefinition {
  readonly key: string;
  readonly title: string;
  /** Item names in order. */
  readonly items: readonly string[];
  /** Reverse-keyed items (scored as min + max − x). */
  readonly reversed: readonly string[];
  /** Fewest answered items for a score; fewer gives no score. */
  readonly minAnswered: number;
  /** Whether a higher score is the better outcome (job demands: higher is worse). */
  readonly higherIsBetter: boolean;
}

export interface SurveyPage {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly questions: readonly string[];
}

export interface InstrumentDefinition {
  readonly key: string;
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly responseScale: { readonly min: number; readonly max: number };
  readonly questions: readonly QuestionDefinition[];
  readonly pages: readonly SurveyPage[];
  readonly scales: readonly ScaleDefinition[];
  /** The intention-to-stay question, the outcome of driver analysis. */
  readonly outcome: string;
  /** Grouping questions offered for grouped results (one dimension at a time). */
  readonly groupingQuestions: readonly string[];
}
