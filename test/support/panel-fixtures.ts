import type { CreatePollRequest, PollQuestionInput } from '@swhc/contracts';
import { DEMO_WELLBEING } from '../../apps/api/src/demo/panel-demo';
import { queryDatabase } from './test-database';

export interface MemberSpec {
  readonly service?: string;
  readonly role?: string;
  readonly region?: string;
  readonly pausedUntil?: string | null;
  readonly confirmed?: boolean;
}

/**
 * Confirmed panel members written straight into the database (as if they had joined and confirmed),
 * `prefix-0001@panel.test` … in order. Returns their addresses in that order.
 */
export async function insertMembers(
  databaseUrl: string,
  prefix: string,
  count: number,
  spec: MemberSpec | ((i: number) => MemberSpec) = {},
): Promise<string[]> {
  const emails: string[] = [];
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const s = typeof spec === 'function' ? spec(i) : spec;
    const email = `${prefix}-${String(i + 1).padStart(4, '0')}@panel.test`;
    emails.push(email);
    rows.push([
      email,
      s.role ?? 'social-worker',
      s.service ?? 'children',
      s.region ?? 'London',
      s.confirmed === false ? null : new Date(),
      s.pausedUntil ?? null,
    ]);
  }
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const tuples = chunk.map((_, r) => {
      const p = r * 6;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, now(), $${p + 5}::timestamptz, $${p + 6}::date)`;
    });
    await queryDatabase(
      databaseUrl,
      `INSERT INTO panel_member (email, role, service, region, consented_at, confirmed_at, paused_until)
       VALUES ${tuples.join(', ')}`,
      chunk.flat(),
    );
  }
  return emails;
}

/** The demo's questions: the trend question and a choice question with a two-way split. */
export {
  DEMO_RESEARCH_USE as RESEARCH_USE,
  DEMO_WELLBEING as WELLBEING,
} from '../../apps/api/src/demo/panel-demo';

/** What a social worker in Hartlepool gives when joining the panel (add an `email`). */
export const JOIN_PROFILE = {
  organisation: 'E06000001',
  role: 'social-worker',
  service: 'children',
  region: 'North East',
  consent: true,
} as const;

/** A poll open from a minute ago for ten days (times with an explicit offset). */
export function openPoll(overrides: Partial<CreatePollRequest> = {}): CreatePollRequest {
  const now = Date.now();
  return {
    title: 'Pulse poll',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 10 * 24 * 60 * 60 * 1000).toISOString(),
    questions: [DEMO_WELLBEING],
    ...overrides,
  };
}

/**
 * Resolves once `check` returns true (checked again whenever the event loop is free, at most every
 * 50 ms), for effects of background work that announce themselves nowhere (a bounce, a state).
 */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The fields an error answer names, in order. */
export function fieldsOf(body: unknown): string[] {
  const errors = (body as { errors?: { field: string }[] }).errors ?? [];
  return errors.map((e) => e.field);
}

export interface StoredPollAnswer {
  readonly service: string;
  readonly role: string;
  readonly region: string;
  readonly answers: Record<string, string | number>;
}

/**
 * A poll written straight into the database with its questions (a question whose name is already
 * in the bank is reused, as an admin reusing it would) and its answers: sealed in poll_answer, or,
 * with `sealed: false`, still in intake as if the panel's clock had not sealed them yet. Closed a day
 * ago unless `open`. Returns the poll's id.
 */
export async function insertPoll(
  databaseUrl: string,
  spec: {
    readonly title: string;
    readonly questions: readonly PollQuestionInput[];
    readonly answers: readonly StoredPollAnswer[];
    readonly sealed?: boolean;
    readonly open?: boolean;
  },
): Promise<string> {
  const day = 24 * 60 * 60 * 1000;
  const closesAt = new Date(Date.now() + (spec.open ? 5 : -1) * day);
  const opensAt = new Date(closesAt.getTime() - 10 * day);
  const sealed = spec.sealed !== false && !spec.open;
  const [poll] = await queryDatabase<{ id: string }>(
    databaseUrl,
    `INSERT INTO poll (title, opens_at, closes_at, remind_at, audience, invitations_queued_at, answers_sealed_at)
     VALUES ($1, $2, $3, $3, '{}', $2, $4) RETURNING id`,
    [spec.title, opensAt, closesAt, sealed ? closesAt : null],
  );
  const pollId = poll?.id ?? '';
  for (const [position, question] of spec.questions.entries()) {
    const [stored] = await queryDatabase<{ id: string }>(
      databaseUrl,
      `WITH added AS (
         INSERT INTO panel_question (name, definition) VALUES ($1, $2)
         ON CONFLICT (name) DO NOTHING RETURNING id)
       SELECT id FROM added UNION ALL SELECT id FROM panel_question WHERE name = $1`,
      [question.name, JSON.stringify(question)],
    );
    await queryDatabase(
      databaseUrl,
      'INSERT INTO poll_question (poll_id, position, question_id) VALUES ($1, $2, $3)',
      [pollId, position, stored?.id],
    );
  }
  const table = sealed ? 'poll_answer' : 'poll_answer_intake';
  for (let start = 0; start < spec.answers.length; start += 500) {
    const chunk = spec.answers.slice(start, start + 500);
    const params: unknown[] = [];
    const tuples = chunk.map((a) => {
      params.push(pollId, a.service, a.role, a.region, JSON.stringify(a.answers));
      const p = params.length;
      return `($${p - 4}, $${p - 3}, $${p - 2}, $${p - 1}, $${p})`;
    });
    await queryDatabase(
      databaseUrl,
      `INSERT INTO ${table} (poll_id, service, role, region, answers) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
  return pollId;
}
