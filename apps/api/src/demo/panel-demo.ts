import {
  ENGLISH_REGIONS,
  type Answers,
  type PanelRole,
  type PollQuestionInput,
  type ServiceKind,
  londonDate,
} from '@swhc/contracts';
import type { EntityManager } from 'typeorm';
import { DAY_MS } from '../common/clock';
import type { Organisation } from '../organisations/organisation.entity';
import { reminderTime } from '../panel/polls/poll-timing';
import type { SeededRandom } from './seeded-random';

export const DEMO_PANEL_MEMBERS = 1300;
export const DEMO_CLOSED_POLLS = 12;

export const demoPanelEmail = (i: number): string =>
  `member-${String(i + 1).padStart(4, '0')}@panel.demo.test`;

/** Asked in every demo poll: the trends. */
export const DEMO_WELLBEING: PollQuestionInput = {
  type: 'rating',
  name: 'wellbeing-fortnight',
  title: 'Over the last two weeks, how would you rate your wellbeing at work?',
  rateMin: 1,
  rateMax: 5,
  minRateDescription: 'Very poor',
  maxRateDescription: 'Very good',
  twoWay: { values: [4, 5], label: 'Good or very good', restLabel: 'Less than good' },
};

export const DEMO_RESEARCH_USE: PollQuestionInput = {
  type: 'radiogroup',
  name: 'research-use',
  title: 'How often do you use research in your practice?',
  choices: [
    { value: 'never', text: 'Never' },
    { value: 'rarely', text: 'Rarely' },
    { value: 'sometimes', text: 'Sometimes' },
    { value: 'often', text: 'Often' },
    { value: 'always', text: 'Always' },
  ],
  twoWay: { values: ['often', 'always'], label: 'Often or always', restLabel: 'Less often' },
};

const YES_PARTLY_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'partly', text: 'Partly' },
  { value: 'no', text: 'No' },
];

/** One "issue of the fortnight" per poll, asked once. */
const TOPICS: readonly [string, string][] = [
  ['supervision-time', 'Did you have enough time for reflective supervision this fortnight?'],
  ['caseload-manageable', 'Was your caseload manageable this fortnight?'],
  ['remote-working', 'Did you have the equipment you needed to work away from the office?'],
  ['training-access', 'Were you able to attend the training you had planned?'],
  ['court-work', 'Did court work take time away from direct work with families?'],
  ['peer-support', 'Could you get support from colleagues when you needed it?'],
  ['recording-time', 'Did recording and paperwork leave enough time for visits?'],
  ['safe-at-work', 'Did you feel safe on your visits this fortnight?'],
  ['manager-availability', 'Was your manager available when you needed a decision?'],
  ['breaks', 'Were you able to take proper breaks during the working day?'],
  ['agency-cover', 'Did vacancies or agency cover affect your work this fortnight?'],
  ['new-guidance', 'Did you have time to read the new practice guidance?'],
];

const OPEN_TOPIC: [string, string] = [
  'winter-pressures',
  'Have winter pressures changed how you prioritise your visits?',
];

function topicQuestion([name, title]: [string, string]): PollQuestionInput {
  return {
    type: 'radiogroup',
    name,
    title,
    choices: YES_PARTLY_NO,
    twoWay: { values: ['yes'], label: 'Yes', restLabel: 'Partly or no' },
  };
}

const ROLES: readonly (readonly [PanelRole, number])[] = [
  ['asye', 10],
  ['social-worker', 45],
  ['senior-practitioner', 18],
  ['team-manager', 15],
  ['senior-manager', 6],
  ['other', 6],
];

interface DemoMember {
  readonly id: string;
  readonly role: PanelRole;
  readonly service: ServiceKind;
  readonly region: string;
  /** Persistent wellbeing tendency, so a member's answers hang together across polls. */
  readonly wellbeing: number;
  readonly research: number;
  /** Chance of answering a poll (managers answer less often: raking corrects for that). */
  readonly propensity: number;
  readonly pausedUntil: string | null;
}

/**
 * The demo panel: ~1,300 synthetic members, 12 closed fortnightly polls over six months asking the
 * same wellbeing and research-use questions (so their trends show) plus an issue of the fortnight,
 * and one open poll. Emails are recorded as sent (nothing goes to the outbox); answers of closed polls
 * are stored sealed, those of the open poll wait in intake, as real ones would.
 */
export async function seedDemoPanel(
  manager: EntityManager,
  organisations: readonly Organisation[],
  random: SeededRandom,
  now: Date,
): Promise<{ members: number; polls: number; answers: number }> {
  const members = await insertMembers(manager, organisations, random, now);
  const wellbeing = await insertQuestion(manager, DEMO_WELLBEING);
  const research = await insertQuestion(manager, DEMO_RESEARCH_USE);
  let answers = 0;
  for (let k = 0; k <= DEMO_CLOSED_POLLS; k++) {
    const open = k === DEMO_CLOSED_POLLS;
    // Fortnightly: the last closed poll closed four days ago; the open one opened four days ago.
    const opensAt = new Date(now.getTime() - (4 + (DEMO_CLOSED_POLLS - k) * 14) * DAY_MS);
    const closesAt = new Date(opensAt.getTime() + (open ? 14 : 10) * DAY_MS);
    const topic = await insertQuestion(
      manager,
      topicQuestion(open ? OPEN_TOPIC : (TOPICS[k] ?? OPEN_TOPIC)),
    );
    const month = opensAt.toLocaleDateString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    });
    const title = `Pulse poll ${k + 1}: ${month}`;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO poll (title, opens_at, closes_at, remind_at, audience, invitations_queued_at,
                         reminders_queued_at, answers_sealed_at)
       VALUES ($1, $2, $3, $4, '{}', $2, $5, $6) RETURNING id`,
      [
        title,
        opensAt,
        closesAt,
        reminderTime(opensAt, closesAt),
        open ? null : reminderTime(opensAt, closesAt),
        open ? null : closesAt,
      ],
    );
    const pollId = rows[0]?.id ?? '';
    await manager.query(
      `INSERT INTO poll_question (poll_id, position, question_id) VALUES ($1, 0, $2), ($1, 1, $3), ($1, 2, $4)`,
      [pollId, wellbeing, research, topic],
    );
    // Everyone active is invited (those paused now paused only lately); the email counts as sent.
    const invited = open ? members.filter((m) => m.pausedUntil === null) : members;
    const answered = invited.filter((m) => random.next() < m.propensity * (open ? 0.5 : 1));
    const answeredIds = new Set(answered.map((m) => m.id));
    const invitationRows = invited.map((m) => [pollId, m.id, answeredIds.has(m.id)]);
    await insertRows(manager, 'poll_invitation (poll_id, member_id, used)', invitationRows);
    await manager.query(
      `INSERT INTO panel_delivery (kind, state, member_id, invitation_id, poll_id, attempts, sent_at)
       SELECT 'invitation', 'sent', member_id, id, poll_id, 1, $2 FROM poll_invitation WHERE poll_id = $1`,
      [pollId, opensAt],
    );
    const t = k / DEMO_CLOSED_POLLS;
    // Wellbeing dips through the winter and recovers; research use creeps up.
    const wellbeingShift = -0.35 * Math.sin(Math.PI * t);
    const researchShift = 0.3 * t;
    const answerRows = shuffle(answered, random).map((m) => {
      const answers: Answers = {
        [DEMO_WELLBEING.name]: cut(
          m.wellbeing + wellbeingShift + 0.6 * random.normal(),
          [-1.4, -0.5, 0.4, 1.3],
        ),
        [DEMO_RESEARCH_USE.name]:
          ['never', 'rarely', 'sometimes', 'often', 'always'][
            cut(m.research + researchShift + 0.7 * random.normal(), [-1.6, -0.6, 0.5, 1.5]) - 1
          ] ?? 'sometimes',
        [open ? OPEN_TOPIC[0] : (TOPICS[k]?.[0] ?? '')]: random.pick([
          ['yes', Math.max(0.5, 4 + 2 * m.wellbeing)],
          ['partly', 3],
          ['no', Math.max(0.5, 3 - 2 * m.wellbeing)],
        ] as const),
      };
      return [pollId, m.service, m.role, m.region, JSON.stringify(answers)];
    });
    await insertRows(
      manager,
      `${open ? 'poll_answer_intake' : 'poll_answer'} (poll_id, service, role, region, answers)`,
      answerRows,
    );
    answers += answerRows.length;
  }
  return { members: members.length, polls: DEMO_CLOSED_POLLS + 1, answers };
}

async function insertMembers(
  manager: EntityManager,
  organisations: readonly Organisation[],
  random: SeededRandom,
  now: Date,
): Promise<DemoMember[]> {
  const specs = Array.from({ length: DEMO_PANEL_MEMBERS }, (_, i) => {
    const organisation =
      random.next() < 0.9 ? organisations[random.integer(0, organisations.length - 1)] : undefined;
    const role = random.pick(ROLES);
    const region =
      organisation?.region ??
      ENGLISH_REGIONS[random.integer(0, ENGLISH_REGIONS.length - 1)] ??
      'London';
    const service: ServiceKind = random.next() < 0.55 ? 'children' : 'adults';
    const manager = role === 'team-manager' || role === 'senior-manager';
    return {
      email: demoPanelEmail(i),
      organisationId: organisation?.id ?? null,
      role,
      service,
      region,
      // About one in twenty has paused for a few weeks.
      pausedUntil:
        random.next() < 0.05
          ? londonDate(new Date(now.getTime() + random.integer(7, 60) * DAY_MS))
          : null,
      wellbeing: 0.5 * random.normal() + (manager ? 0.15 : 0) + (role === 'asye' ? -0.2 : 0),
      research: 0.6 * random.normal() + (role === 'senior-practitioner' ? 0.3 : 0),
      propensity: manager ? 0.38 : role === 'asye' ? 0.62 : 0.52,
    };
  });
  const ids: { id: string }[] = [];
  for (let start = 0; start < specs.length; start += 500) {
    const chunk = specs.slice(start, start + 500);
    const params: unknown[] = [];
    const values = chunk.map((s) => {
      params.push(s.email, s.organisationId, s.role, s.service, s.region, s.pausedUntil);
      const p = params.length;
      return `($${p - 5}, $${p - 4}, $${p - 3}, $${p - 2}, $${p - 1}, now(), now(), $${p}::date)`;
    });
    ids.push(
      ...(await manager.query<{ id: string }[]>(
        `INSERT INTO panel_member (email, organisation_id, role, service, region, consented_at, confirmed_at, paused_until)
         VALUES ${values.join(', ')} RETURNING id`,
        params,
      )),
    );
  }
  return specs.map((s, i) => ({ ...s, id: ids[i]?.id ?? '' }));
}

async function insertQuestion(
  manager: EntityManager,
  question: PollQuestionInput,
): Promise<string> {
  const rows = await manager.query<{ id: string }[]>(
    `INSERT INTO panel_question (name, definition) VALUES ($1, $2) RETURNING id`,
    [question.name, JSON.stringify(question)],
  );
  return rows[0]?.id ?? '';
}

/** Multi-row INSERTs of positional values, 500 rows at a time. */
async function insertRows(
  manager: EntityManager,
  target: string,
  rows: readonly unknown[][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const first = params.length;
      params.push(...row);
      return `(${row.map((_, j) => `$${first + j + 1}`).join(', ')})`;
    });
    await manager.query(`INSERT INTO ${target} VALUES ${values.join(', ')}`, params);
  }
}

/** A latent value cut into 1..(thresholds + 1). */
function cut(value: number, thresholds: readonly number[]): number {
  return 1 + thresholds.filter((t) => value > t).length;
}

function shuffle<T>(items: readonly T[], random: SeededRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
