import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { PanelScheduler } from '../../apps/api/src/panel/polls/panel-scheduler.service';
import { insertMembers, openPoll, RESEARCH_USE, WELLBEING } from '../support/panel-fixtures';

/** 0–10: with the 5 research answers, 55 distinct pairs for 50 members. */
const ENERGY = {
  ...WELLBEING,
  name: 'energy',
  title: 'How much energy did you have for work this fortnight?',
  rateMin: 0,
  rateMax: 10,
  twoWay: { values: [7, 8, 9, 10], label: '7 or more', restLabel: 'Under 7' },
};
import { linkToken, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createStaffAccount, signIn, TEST_HOST, TEST_ORIGIN } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

/**
 * "Whether a member has answered is stored apart from what they answered, with no key between the
 * two": proven on the schema, and on the stored rows after 50 members answered in a known order.
 */
describe('panel anonymity by design', () => {
  let t: TestApp;
  let server: App;
  let sink: SmtpSink;
  const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    queryDatabase<T>(t.database.url, sql, params);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(sink.env);
    server = t.app.getHttpServer();
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('the invitation and answer tables share no column, key, time or order that links them', async () => {
    const columns = await q<{
      table_name: string;
      column_name: string;
      data_type: string;
      column_default: string | null;
    }>(
      `SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name IN ('poll_invitation', 'poll_answer', 'poll_answer_intake')
        ORDER BY table_name, column_name`,
    );
    const of = (table: string) => columns.filter((c) => c.table_name === table);
    // The answers carry the poll, the member's coarse attributes at the time, and nothing else.
    for (const table of ['poll_answer', 'poll_answer_intake']) {
      expect(of(table).map((c) => c.column_name)).toEqual([
        'answers',
        'id',
        'poll_id',
        'region',
        'role',
        'service',
      ]);
      // Random ids, no sequence, no time of any kind.
      expect(of(table).find((c) => c.column_name === 'id')?.column_default).toBe(
        'gen_random_uuid()',
      );
      for (const column of of(table)) {
        expect(column.data_type).not.toMatch(/time|date|serial|interval/);
        expect(column.column_default ?? '').not.toMatch(/nextval|now|current_/);
      }
    }
    // "Used" is a flag: nothing about when, nothing about what.
    expect(of('poll_invitation').map((c) => c.column_name)).toEqual([
      'id',
      'member_id',
      'poll_id',
      'submission_id',
      'used',
    ]);
    expect(of('poll_invitation').every((c) => !/time|date/.test(c.data_type))).toBe(true);
    // The only column both sides have besides their own random id is the poll.
    const shared = of('poll_answer')
      .map((c) => c.column_name)
      .filter((name) => of('poll_invitation').some((c) => c.column_name === name));
    expect(shared).toEqual(['id', 'poll_id']);

    // No foreign key from the answers to anything about a member, an invitation or a link.
    const keys = await q<{ source: string; target: string }>(
      `SELECT c.conrelid::regclass::text AS source, c.confrelid::regclass::text AS target
         FROM pg_constraint c WHERE c.contype = 'f'
          AND c.conrelid::regclass::text IN ('poll_answer', 'poll_answer_intake')`,
    );
    expect(keys.map((k) => k.target)).toEqual(['poll', 'poll']);
    const referencing = await q<{ source: string }>(
      `SELECT c.conrelid::regclass::text AS source FROM pg_constraint c
        WHERE c.contype = 'f' AND c.confrelid::regclass::text IN ('poll_answer', 'poll_answer_intake')`,
    );
    expect(referencing).toEqual([]);
    // No sequence belongs to either table.
    const sequences = await q(
      `SELECT s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid
         JOIN pg_class t ON t.oid = d.refobjid
        WHERE s.relkind = 'S' AND t.relname IN ('poll_invitation', 'poll_answer', 'poll_answer_intake')`,
    );
    expect(sequences).toEqual([]);
  });

  it('50 members answering in a known order cannot be matched to their stored answers', async () => {
    // Same coarse attributes for all, so only an id, an order or a time could tell them apart.
    const emails = await insertMembers(t.database.url, 'known', 50, {
      service: 'children',
      role: 'social-worker',
      region: 'North West',
    });
    const admin = await createStaffAccount(t.database.url, {
      email: 'admin@anon.test',
      role: 'admin',
    });
    const cookie = await signIn(server, admin);
    const created = await request(server)
      .post('/api/panel/polls')
      .set('Host', TEST_HOST)
      .set('Origin', TEST_ORIGIN)
      .set('Cookie', cookie)
      .send(openPoll({ questions: [ENERGY, RESEARCH_USE] }));
    expect(created.status).toBe(201);
    await sink.waitFor(50);

    // Member i (in the order above) gives the i-th distinct pair of answers (11 × 5 pairs), so the
    // answers themselves say where each member came in the order.
    const researchValues = ['never', 'rarely', 'sometimes', 'often', 'always'];
    const pairOf = (i: number) => ({
      energy: Math.floor(i / 5),
      'research-use': researchValues[i % 5] ?? 'never',
    });
    const positionOf = (answers: Record<string, string | number>) =>
      Number(answers['energy']) * 5 + researchValues.indexOf(String(answers['research-use']));
    const submissionIds: string[] = [];
    for (const [i, email] of emails.entries()) {
      const [invitation] = sink.to(email);
      const submissionId = randomUUID();
      submissionIds.push(submissionId);
      const res = await request(server)
        .post('/api/panel/answers')
        .set('Host', TEST_HOST)
        .send({ token: linkToken(invitation, '/panel/poll'), submissionId, answers: pairOf(i) });
      expect(res.status).toBe(201);
    }

    // While open, answers wait in intake. When the poll closes, they are sealed together.
    const [poll] = await q<{ id: string; closes_at: Date }>(`SELECT id, closes_at FROM poll`);
    await t.app.get(PanelScheduler).tick(new Date(poll.closes_at.getTime() + 2 * 60_000));
    expect(await q(`SELECT 1 FROM poll_answer_intake`)).toEqual([]);

    // In storage order (ctid), with the transaction that wrote each row (xmin).
    const stored = await q<{
      id: string;
      answers: Record<string, string | number>;
      tx: string;
      service: string;
      role: string;
      region: string;
    }>(
      `SELECT id, answers, xmin::text AS tx, service, role, region FROM poll_answer ORDER BY ctid`,
    );
    expect(stored).toHaveLength(50);
    // Attributes: only the coarse ones, the same for everybody here.
    expect(new Set(stored.map((r) => `${r.service}|${r.role}|${r.region}`)).size).toBe(1);
    // Time and transaction: one transaction wrote them all, and it is none of the answering ones.
    expect(new Set(stored.map((r) => r.tx)).size).toBe(1);
    const invitationTx = await q<{ tx: string }>(
      `SELECT xmin::text AS tx FROM poll_invitation WHERE used`,
    );
    expect(invitationTx.map((r) => r.tx)).not.toContain(stored[0]?.tx);
    // Ids: random, and none of them is a member's, an invitation's, a link's or a submission's.
    const otherIds = new Set(
      [
        ...(await q<{ id: string }>(`SELECT id FROM panel_member`)),
        ...(await q<{ id: string }>(`SELECT id FROM poll_invitation`)),
        ...(await q<{ id: string }>(`SELECT token_hash AS id FROM panel_token`)),
      ]
        .map((r) => r.id)
        .concat(submissionIds),
    );
    expect(stored.some((r) => otherIds.has(r.id))).toBe(false);
    expect(stored.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-4/.test(r.id))).toBe(true);
    // Order: each stored row's answering position is known from its answers. Stored in answering
    // order, tau would be 1; shuffled, it is near 0 (|tau| ≥ 0.4 has probability ~4e-5).
    const answeredAt = stored.map((r) => positionOf(r.answers));
    expect(new Set(answeredAt).size).toBe(50);
    expect(Math.abs(kendallTau(answeredAt))).toBeLessThan(0.4);
    // And the id order says nothing either.
    const byId = [...stored].sort((a, b) => a.id.localeCompare(b.id));
    expect(Math.abs(kendallTau(byId.map((r) => positionOf(r.answers))))).toBeLessThan(0.4);
  });
});

/**
 * Kendall's tau between positions 0..n−1 and the values (ties count as neither). A shuffled order
 * has tau near 0 (sd ≈ 0.1 for n = 50); storage in answering order would give tau near 1.
 */
function kendallTau(values: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const d = (values[j] ?? 0) - (values[i] ?? 0);
      if (d > 0) concordant++;
      else if (d < 0) discordant++;
    }
  }
  const pairs = (values.length * (values.length - 1)) / 2;
  return (concordant - discordant) / pairs;
}
