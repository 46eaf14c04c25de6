import {
  ENGLISH_REGIONS,
  PANEL_ROLES,
  SERVICE_KINDS,
  SERVICE_NAMES,
  type FieldError,
  type PollQuestion,
} from '@swhc/contracts';
import { MAX_POLL_QUESTIONS, validatePollDefinition } from '@swhc/instruments';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
} from 'react-router';
import { createPoll, listPanelQuestions } from '../../../api';
import { redirectWithNotice } from '../../../app/notice';
import { requireStaff, sessionEnded, valueOf } from '../../../app/page-data';
import {
  CheckboxesField,
  ErrorSummary,
  RadioField,
  SelectField,
  TextareaField,
  TextField,
  usePageTitle,
} from '../../../ui';
import { PanelNav } from './panel-nav';
import {
  draftValues,
  emptyQuestion,
  fieldOfError,
  newPollDraft,
  pollRequest,
  type PollDraft,
  type QuestionDraft,
} from './poll-draft';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await listPanelQuestions(request.signal), request);
}

export async function action({
  request,
}: ActionFunctionArgs): Promise<{ errors: FieldError[] } | Response> {
  const body = pollRequest((await request.json()) as PollDraft);
  // The api's own rules, in the browser first: every problem at once, each with its path.
  const checked = validatePollDefinition(body);
  if (!checked.valid) return { errors: [...checked.errors] };
  const result = await createPoll(body);
  switch (result.kind) {
    case 'ok':
      return redirectWithNotice(
        `/admin/panel/polls/${result.value.id}`,
        result.value.status === 'open'
          ? `The poll is open: ${result.value.invited.toLocaleString('en-GB')} invitations are on their way.`
          : 'The poll is scheduled: invitations go when it opens.',
      );
    case 'refused':
      return { errors: [...result.errors] };
    case 'signed-out':
      return sessionEnded(request);
    default:
      return {
        errors: [
          {
            field: 'title',
            message: 'could not be saved: there is a problem with the service. Try again later.',
          },
        ],
      };
  }
}

/** /admin/panel/polls/new — a poll of 1–5 questions, new or asked before (for trends). */
export function NewPollPage() {
  const bank = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const submit = useSubmit();
  const busy = useNavigation().state === 'submitting';
  const [draft, setDraft] = useState<PollDraft>(() => newPollDraft());
  const errors = useMemo(
    () => (outcome && 'errors' in outcome ? outcome.errors.map(fieldOfError) : []),
    [outcome],
  );
  const errorFor = (id: string) => errors.find((e) => e.targetId === id)?.text;
  usePageTitle('Create a poll', errors.length > 0);

  const set = <K extends keyof PollDraft>(key: K, value: PollDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setQuestion = (i: number, change: Partial<QuestionDraft>) =>
    setDraft((d) => ({
      ...d,
      questions: d.questions.map((q, j) => (j === i ? { ...q, ...change } : q)),
    }));

  return (
    <div className="app-pollpanel">
      <PanelNav />
      <div className="app-grid-two-thirds">
        <ErrorSummary items={errors} />
        <h1 className="app-heading-xl">Create a poll</h1>
        <form
          noValidate
          aria-label="Create a poll"
          onSubmit={(event) => {
            event.preventDefault();
            if (busy) return;
            void submit(JSON.parse(JSON.stringify(draft)) as never, {
              method: 'post',
              encType: 'application/json',
            });
          }}
        >
          <TextField
            id="title"
            label="Title"
            hint="Members see it in the email and on the poll, e.g. “Pulse poll: March 2026”."
            value={draft.title}
            onChange={(v) => set('title', v)}
            error={errorFor('title')}
          />
          <TextField
            id="opensAt"
            label="Opens (London time)"
            hint="Invitations go when it opens. Now, or a date and time to come."
            type="datetime-local"
            value={draft.opensAt}
            onChange={(v) => set('opensAt', v)}
            error={errorFor('opensAt')}
          />
          <TextField
            id="closesAt"
            label="Closes (London time)"
            hint="One reminder goes two days before, to those who have not answered."
            type="datetime-local"
            value={draft.closesAt}
            onChange={(v) => set('closesAt', v)}
            error={errorFor('closesAt')}
          />
          <h2 className="app-heading-m">Who is asked</h2>
          <p className="app-body">Leave a group unticked to ask everyone in it.</p>
          <CheckboxesField
            id="audience-services"
            legend="Services"
            small
            choices={SERVICE_KINDS.map((s) => ({ value: s, label: SERVICE_NAMES[s] }))}
            values={draft.services}
            onChange={(v) => set('services', v)}
            error={errorFor('audience-services')}
          />
          <CheckboxesField
            id="audience-roles"
            legend="Roles"
            small
            choices={PANEL_ROLES.map((r) => ({ value: r.value, label: r.text }))}
            values={draft.roles}
            onChange={(v) => set('roles', v)}
            error={errorFor('audience-roles')}
          />
          <CheckboxesField
            id="audience-regions"
            legend="Regions"
            small
            choices={ENGLISH_REGIONS.map((r) => ({ value: r, label: r }))}
            values={draft.regions}
            onChange={(v) => set('regions', v)}
            error={errorFor('audience-regions')}
          />
          {draft.questions.map((q, i) => (
            <QuestionEditor
              key={i}
              index={i}
              question={q}
              bank={bank}
              onChange={(change) => setQuestion(i, change)}
              onRemove={
                draft.questions.length > 1
                  ? () =>
                      set(
                        'questions',
                        draft.questions.filter((_, j) => j !== i),
                      )
                  : undefined
              }
              errorFor={errorFor}
            />
          ))}
          {draft.questions.length < MAX_POLL_QUESTIONS ? (
            <p className="app-body">
              <button
                type="button"
                id="add-question"
                className="app-button app-button--secondary"
                onClick={() => set('questions', [...draft.questions, emptyQuestion()])}
              >
                Add another question
              </button>
            </p>
          ) : null}
          <button type="submit" className="app-button">
            Create the poll
          </button>
        </form>
      </div>
    </div>
  );
}

function QuestionEditor({
  index,
  question: q,
  bank,
  onChange,
  onRemove,
  errorFor,
}: {
  index: number;
  question: QuestionDraft;
  bank: PollQuestion[];
  onChange: (change: Partial<QuestionDraft>) => void;
  onRemove?: () => void;
  errorFor: (id: string) => string | undefined;
}) {
  const id = (part: string) => `q${index}-${part}`;
  const values = draftValues(q);
  const ratings = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));
  return (
    <fieldset className="app-fieldset app-poll-question">
      <legend className="app-fieldset__legend">Question {index + 1}</legend>
      <RadioField
        id={id('mode')}
        legend="Kind of question"
        choices={[
          {
            value: 'reuse',
            label: 'A question from an earlier poll, asked again',
            hint: 'Same wording and answers, so its results can be compared over time.',
          },
          { value: 'radiogroup', label: 'A new question with answers to choose from' },
          { value: 'rating', label: 'A new rating question (for example 1 to 5)' },
        ]}
        value={q.mode}
        onChange={(v) => onChange({ mode: v as QuestionDraft['mode'], favourable: [] })}
        error={errorFor(id('mode'))}
      />
      {q.mode === 'reuse' ? (
        <SelectField
          id={id('reuse')}
          label="Earlier question"
          placeholder="Select a question"
          options={bank.map((b) => ({ value: b.id, label: b.title }))}
          value={q.reuse}
          onChange={(v) => onChange({ reuse: v })}
          error={errorFor(id('reuse'))}
        />
      ) : (
        <>
          <TextField
            id={id('title')}
            label="Question"
            value={q.title}
            onChange={(v) => onChange({ title: v })}
            error={errorFor(id('title'))}
          />
          <TextField
            id={id('name')}
            label="Short name (optional)"
            hint="Names the question in results and exports: lower-case letters, digits and dashes. Made from the question when left empty."
            spellCheck={false}
            value={q.name}
            onChange={(v) => onChange({ name: v })}
            error={errorFor(id('name'))}
          />
          {q.mode === 'radiogroup' ? (
            <TextareaField
              id={id('answers')}
              label="Answers"
              hint="One answer per line, in the order members see them (2 to 10)."
              value={q.answers}
              onChange={(v) => onChange({ answers: v, favourable: [] })}
              error={errorFor(id('answers'))}
            />
          ) : (
            <>
              <SelectField
                id={id('rateMin')}
                label="Lowest rating"
                placeholder="Select"
                options={ratings}
                value={q.rateMin}
                onChange={(v) => onChange({ rateMin: v, favourable: [] })}
                error={errorFor(id('rateMin'))}
              />
              <TextField
                id={id('minText')}
                label="Words for the lowest rating (optional)"
                value={q.minText}
                onChange={(v) => onChange({ minText: v })}
                error={errorFor(id('minText'))}
              />
              <SelectField
                id={id('rateMax')}
                label="Highest rating"
                placeholder="Select"
                options={ratings}
                value={q.rateMax}
                onChange={(v) => onChange({ rateMax: v, favourable: [] })}
                error={errorFor(id('rateMax'))}
              />
              <TextField
                id={id('maxText')}
                label="Words for the highest rating (optional)"
                value={q.maxText}
                onChange={(v) => onChange({ maxText: v })}
                error={errorFor(id('maxText'))}
              />
            </>
          )}
          <CheckboxesField
            id={id('favourable')}
            legend="Which answers are shown together as the favourable ones?"
            hint="When a group is too small to show every answer, results show these against the rest, and trends follow their share."
            small
            choices={values}
            values={q.favourable}
            onChange={(v) => onChange({ favourable: v })}
            error={errorFor(id('favourable'))}
          />
          <TextField
            id={id('label')}
            label="Name for the favourable answers"
            hint="For example “Good or very good”."
            value={q.label}
            onChange={(v) => onChange({ label: v })}
            error={errorFor(id('label'))}
          />
          <TextField
            id={id('restLabel')}
            label="Name for the other answers"
            hint="For example “Less than good”."
            value={q.restLabel}
            onChange={(v) => onChange({ restLabel: v })}
            error={errorFor(id('restLabel'))}
          />
        </>
      )}
      {onRemove ? (
        <button type="button" className="app-button app-button--secondary" onClick={onRemove}>
          Remove question {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}

export const route = { loader, action, Component: NewPollPage };
