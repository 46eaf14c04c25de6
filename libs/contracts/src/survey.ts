/**
 * Plain request/response types of the public survey API. Field names are a fixed interface that
 * clients (the web app, scripts posting responses) rely on: add fields, never rename them.
 */

export type ServiceKind = 'children' | 'adults';
export const SERVICE_KINDS: readonly ServiceKind[] = ['children', 'adults'];
export const isServiceKind = (value: string): value is ServiceKind =>
  (SERVICE_KINDS as readonly string[]).includes(value);
/** How each service is named to people (forms, reports, exports). */
export const SERVICE_NAMES: Readonly<Record<ServiceKind, string>> = {
  children: 'Children’s services',
  adults: 'Adults’ services',
};

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

export interface SurveyResponseRequest {
  submissionId: string;
  answers: Answers;
}

export interface SurveyResponseReceipt {
  submissionId: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ValidationErrorBody {
  statusCode: number;
  message: string;
  errors: FieldError[];
}

export interface SurveyDefinitionResponse {
  code: string;
  wave: { id: string; name: string; opensAt: string; closesAt: string };
  organisation: { gssCode: string; name: string };
  service: ServiceKind;
  instrument: { key: string; version: number };
  survey: Record<string, unknown>;
}

/**
 * The id of the `<script type="application/json">` element in which the app page of `/s/{code}`
 * carries that link's SurveyDefinitionResponse, as GET /api/surveys/{code} would answer it now
 * (absent when that would not be 200): the page needs no round trip to the api to show it.
 */
export const INLINE_SURVEY_ELEMENT_ID = 'swhc-survey-definition';

export interface HealthResponse {
  status: 'ok';
  database: 'up';
}
