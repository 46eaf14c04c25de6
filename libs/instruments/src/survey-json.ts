import type { ServiceKind } from '@swhc/contracts';
import {
  choicesFor,
  type InstrumentDefinition,
  type QuestionDefinition,
} from './instrument-definition';

/** SurveyJS JSON is plain data; this is the slice of its schema we produce. */
export type SurveyJson = Record<string, unknown>;

function questionJson(question: QuestionDefinition, service: ServiceKind): Record<string, unknown> {
  return {
    type: 'radiogroup',
    name: question.name,
    title: question.text,
    ...(question.description ? { description: question.description } : {}),
    isRequired: question.required,
    choices: choicesFor(question, service).map((c) => ({ value: c.value, text: c.text })),
    // One column keeps the options in reading order on phones and at 200% zoom.
    colCount: 1,
  };
}

/**
 * Builds one service's SurveyJS JSON from the definition, so wording and validation have one source.
 * Services differ only where a question has per-service choices.
 */
export function buildSurveyJson(
  instrument: InstrumentDefinition,
  service: ServiceKind,
): SurveyJson {
  const byName = new Map(instrument.questions.map((q) => [q.name, q]));
  return {
    title: instrument.title,
    description: instrument.description,
    showProgressBar: 'top',
    progressBarType: 'pages',
    showQuestionNumbers: 'off',
    questionErrorLocation: 'top',
    checkErrorsMode: 'onNextPage',
    completeText: 'Send my answers',
    showCompletedPage: false,
    pages: instrument.pages.map((page) => ({
      name: page.name,
      title: page.title,
      ...(page.description ? { description: page.description } : {}),
      elements: page.questions.map((name) => {
        const question = byName.get(name);
        if (!question) throw new Error(`Page ${page.name} names unknown question ${name}`);
        return questionJson(question, service);
      }),
    })),
  };
}

/** Every service's SurveyJS JSON, as a published instrument version stores it. */
export function buildSurveyJsonByService(
  instrument: InstrumentDefinition,
): Record<ServiceKind, SurveyJson> {
  return {
    children: buildSurveyJson(instrument, 'children'),
    adults: buildSurveyJson(instrument, 'adults'),
  };
}
