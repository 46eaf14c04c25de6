import type { CreatePollRequest, PollQuestionInput } from '@swhc/contracts';
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

export const WELLBEING: PollQuestionInput = {
  type: 'rating',
  name: 'wellbeing-fortnight',
  title: 'Over the last two weeks, how would you rate your wellbeing?',
  rateMin: 1,
  rateMax: 5,
  minRateDescription: 'Very poor',
  maxRateDescription: 'Very good',
  twoWay: { values: [4, 5], label: 'Good or very good', restLabel: 'Less than good' },
};

export const RESEARCH_USE: PollQuestionInput = {
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

/** A poll open from a minute ago for ten days (times with an explicit offset). */
export function openPoll(overrides: Partial<CreatePollRequest> = {}): CreatePollRequest {
  const now = Date.now();
  return {
    title: 'Pulse poll',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 10 * 24 * 60 * 60 * 1000).toISOString(),
    questions: [WELLBEING],
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
