import {
  type CreatePollRequest,
  type FieldError,
  type PanelRole,
  type PollQuestionSpec,
  type ServiceKind,
  londonDate,
  londonDateTimeToTheMinute,
} from '@swhc/contracts';

/** One question of the form as the admin is writing it (all text, as typed). */
export interface QuestionDraft {
  mode: 'reuse' | 'radiogroup' | 'rating';
  reuse: string;
  title: string;
  name: string;
  /** One answer per line (radiogroup). */
  answers: string;
  rateMin: string;
  rateMax: string;
  minText: string;
  maxText: string;
  /** Values counted as favourable, as strings. */
  favourable: string[];
  label: string;
  restLabel: string;
}

export interface PollDraft {
  title: string;
  opensAt: string;
  closesAt: string;
  services: string[];
  roles: string[];
  regions: string[];
  questions: QuestionDraft[];
}

export const emptyQuestion = (): QuestionDraft => ({
  mode: 'radiogroup',
  reuse: '',
  title: '',
  name: '',
  answers: '',
  rateMin: '1',
  rateMax: '5',
  minText: '',
  maxText: '',
  favourable: [],
  label: '',
  restLabel: '',
});

const DAY = 24 * 60 * 60 * 1000;

/** A poll opening now and closing at 5pm in 11 days, London time. */
export function newPollDraft(now = new Date()): PollDraft {
  const closes = londonDate(new Date(now.getTime() + 11 * DAY));
  return {
    title: '',
    opensAt: londonDateTimeToTheMinute(now),
    closesAt: `${closes}T17:00`,
    services: [],
    roles: [],
    regions: [],
    questions: [emptyQuestion()],
  };
}

/** "Often or always" → "often-or-always": the value stored for an answer. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');

export const answerLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The values a question's answers will have, with their labels, as the form shows them. */
export function draftValues(q: QuestionDraft): { value: string; label: string }[] {
  if (q.mode === 'rating') {
    const min = Number(q.rateMin);
    const max = Number(q.rateMax);
    if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min) return [];
    return Array.from({ length: max - min + 1 }, (_, i) => ({
      value: String(min + i),
      label: String(min + i),
    }));
  }
  return answerLines(q.answers).map((line) => ({ value: slug(line), label: line }));
}

/** The api's request for a draft; the api (and the same validation in the browser) checks it. */
export function pollRequest(draft: PollDraft): CreatePollRequest {
  const questions: PollQuestionSpec[] = draft.questions.map((q) => {
    if (q.mode === 'reuse') return { reuse: q.reuse };
    const twoWay = {
      values: q.mode === 'rating' ? q.favourable.map(Number) : q.favourable,
      label: q.label,
      restLabel: q.restLabel,
    };
    const name = q.name.trim() || slug(q.title);
    if (q.mode === 'rating') {
      return {
        type: 'rating',
        name,
        title: q.title,
        rateMin: Number(q.rateMin),
        rateMax: Number(q.rateMax),
        ...(q.minText.trim() ? { minRateDescription: q.minText } : {}),
        ...(q.maxText.trim() ? { maxRateDescription: q.maxText } : {}),
        twoWay,
      };
    }
    return {
      type: 'radiogroup',
      name,
      title: q.title,
      choices: answerLines(q.answers).map((text) => ({ value: slug(text), text })),
      twoWay,
    };
  });
  const audience = {
    ...(draft.services.length ? { services: draft.services as ServiceKind[] } : {}),
    ...(draft.roles.length ? { roles: draft.roles as PanelRole[] } : {}),
    ...(draft.regions.length ? { regions: draft.regions } : {}),
  };
  return {
    title: draft.title,
    opensAt: draft.opensAt,
    closesAt: draft.closesAt,
    audience,
    questions,
  };
}

/**
 * Where on the form an api error belongs: the id of the field (the summary links there) and how to
 * say it. Paths are the api's, e.g. `questions[1].choices[0].text`.
 */
export function fieldOfError(error: FieldError): { targetId: string; text: string } {
  const question = /^questions\[(\d+)\]\.?([A-Za-z]*)\.?([A-Za-z]*)/.exec(error.field);
  if (question) {
    const n = Number(question[1]);
    const part = question[2] ?? '';
    const sub = question[3] ?? '';
    const target =
      part === 'twoWay'
        ? sub === 'label' || sub === 'restLabel'
          ? sub
          : 'favourable'
        : part === 'choices'
          ? 'answers'
          : part === 'minRateDescription'
            ? 'minText'
            : part === 'maxRateDescription'
              ? 'maxText'
              : part || 'mode';
    const what: Record<string, string> = {
      title: 'the question',
      name: 'the short name',
      answers: 'the answers',
      rateMin: 'the lowest rating',
      rateMax: 'the highest rating',
      minText: 'the lowest rating’s words',
      maxText: 'the highest rating’s words',
      favourable: 'the favourable answers',
      label: 'the name for the favourable answers',
      restLabel: 'the name for the other answers',
      reuse: 'the earlier question',
      mode: 'the question type',
    };
    return {
      targetId: `q${n}-${target}`,
      text: `Question ${n + 1}: ${what[target] ?? target} ${error.message}`,
    };
  }
  const top: Record<string, [string, string]> = {
    title: ['title', 'The title'],
    opensAt: ['opensAt', 'The opening time'],
    closesAt: ['closesAt', 'The closing time'],
    questions: ['add-question', 'The poll'],
  };
  const audience = /^audience\.(services|roles|regions)/.exec(error.field);
  if (audience)
    return { targetId: `audience-${audience[1] ?? ''}`, text: `Who is asked: ${error.message}` };
  const [id, label] = top[error.field] ?? ['title', error.field];
  return { targetId: id, text: `${label} ${error.message}` };
}
