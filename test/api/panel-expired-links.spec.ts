import { randomUUID } from 'node:crypto';
import { TestClock } from 'pg-boss';
import request from 'supertest';
import type { App } from 'supertest/types';
import { CONFIRMATION_DAYS } from '../../apps/api/src/panel/members/members.service';
import { MANAGE_LINK_DAYS } from '../../apps/api/src/panel/delivery/panel-mailer.service';
import { insertMembers, JOIN_PROFILE, openPoll, WELLBEING } from '../support/panel-fixtures';
import { linkToken, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createStaffAccount, signIn, TEST_HOST, TEST_ORIGIN } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';
import { tickUntil } from '../support/tick-until';

const DAY = 24 * 60 * 60 * 1000;
/**
 * Expired links over HTTP: the real routes, with the app's clock (pg-boss's TestClock) moved past
 * each link's expiry — no waiting. Every link is taken from a real email; the clock only moves
 * forward, so the tests run in order: a confirmation link (7 days), a poll link (the poll's close),
 * then a manage link (90 days), and each answers 410 and changes nothing.
 */
describe('panel links used after they expire (real routes, injected clock)', () => {
  let t: TestApp;
  let server: App;
  let sink: SmtpSink;
  let clock: TestClock;
  let start: number;
  const links = { confirm: '', manage: '', poll: '', unsubscribePath: '' };

  const post = (url: string, body: object) =>
    request(server).post(url).set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).send(body);
  const put = (url: string, body: object) =>
    request(server).put(url).set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).send(body);
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await queryDatabase<{ n: string }>(t.database.url, sql, params))[0]?.n);
  const member = async (email: string) =>
    (
      await queryDatabase<{
        confirmed_at: Date | null;
        region: string;
        role: string;
        paused_until: string | null;
      }>(
        t.database.url,
        'SELECT confirmed_at, region, role, paused_until FROM panel_member WHERE email = $1',
        [email],
      )
    )[0];
  /** Emails are sent by pg-boss workers, whose timers fire only when the test clock ticks. */
  const emailsTo = async (address: string, n = 1) => {
    await tickUntil(clock, () => Promise.resolve(sink.to(address).length >= n), 30 * 60_000);
    return sink.to(address);
  };
  /** The app's time, `days` after the links were sent (plus a minute). */
  const moveTo = (days: number) => clock.setTime(new Date(start + days * DAY + 60_000));

  beforeAll(async () => {
    // The test names say 7 and 90 days.
    expect([CONFIRMATION_DAYS, MANAGE_LINK_DAYS]).toEqual([7, 90]);
    sink = await startSmtpSink();
    clock = new TestClock(new Date());
    t = await createTestApp(sink.env, { clock });
    server = t.app.getHttpServer();

    // A sign-up nobody confirms: its confirmation link.
    expect(
      (await post('/api/panel/members', { ...JOIN_PROFILE, email: 'late@council.test' })).status,
    ).toBe(202);
    const [late] = await emailsTo('late@council.test');
    if (!late) throw new Error('no confirmation email');
    links.confirm = linkToken(late, '/panel/confirm');

    // A member: their poll link, manage link and one-click unsubscribe address from an invitation.
    await insertMembers(t.database.url, 'expiry', 1, { service: 'children' });
    const admin = await createStaffAccount(t.database.url, {
      email: 'admin@expiry.test',
      role: 'admin',
    });
    const created = await post('/api/panel/polls', openPoll({ questions: [WELLBEING] })).set(
      'Cookie',
      await signIn(server, admin),
    );
    expect(created.status).toBe(201);
    const [invitation] = await emailsTo('expiry-0001@panel.test');
    if (!invitation) throw new Error('no invitation email');
    links.poll = linkToken(invitation, '/panel/poll');
    links.manage = linkToken(invitation, '/panel/manage');
    links.unsubscribePath = new URL(invitation.unsubscribeUrl ?? '').pathname;
    start = clock.now();
    // Each link works before it expires (so the 410s below are the clock's doing).
    expect((await post('/api/panel/invitation', { token: links.poll })).status).toBe(200);
    expect((await post('/api/panel/membership', { token: links.manage })).status).toBe(200);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('refuses a confirmation link after 7 days: 410, still unconfirmed, the link unused', async () => {
    await moveTo(CONFIRMATION_DAYS);
    const res = await post('/api/panel/members/confirm', { token: links.confirm });
    expect(res.status).toBe(410);
    expect(res.body.message).toBe('This link has expired');
    expect((await member('late@council.test'))?.confirmed_at).toBeNull();
    expect(
      await count(
        `SELECT count(*) AS n FROM panel_token t JOIN panel_member m ON m.id = t.member_id
          WHERE m.email = 'late@council.test' AND t.used_at IS NOT NULL`,
      ),
    ).toBe(0);
  });

  it('refuses a poll link once the poll has closed: 410 to read and to answer, nothing stored', async () => {
    await moveTo(11); // openPoll() closes after 10 days.
    const read = await post('/api/panel/invitation', { token: links.poll });
    expect(read.status).toBe(410);
    expect(read.body.message).toBe('This poll has closed');
    const answer = await post('/api/panel/answers', {
      token: links.poll,
      submissionId: randomUUID(),
      answers: { 'wellbeing-fortnight': 4 },
    });
    expect(answer.status).toBe(410);
    expect(answer.body.message).toBe('This poll has closed');
    expect(await count('SELECT count(*) AS n FROM poll_answer_intake')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM poll_answer')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM poll_invitation WHERE used')).toBe(0);
  });

  it('refuses a manage link after 90 days: 410 for every use, the membership unchanged', async () => {
    await moveTo(MANAGE_LINK_DAYS);
    const before = await member('expiry-0001@panel.test');
    const deliveries = await count('SELECT count(*) AS n FROM panel_delivery');
    const uses = [
      await post('/api/panel/membership', { token: links.manage }),
      await put('/api/panel/membership', {
        token: links.manage,
        organisation: null,
        role: 'team-manager',
        service: 'adults',
        region: 'London',
      }),
      await post('/api/panel/membership/pause', { token: links.manage, weeks: 4 }),
      await post('/api/panel/membership/leave', { token: links.manage }),
      // As a mail provider sends the RFC 8058 one-click request: a form POST, no cookie.
      await request(server)
        .post(links.unsubscribePath)
        .set({ Host: TEST_HOST, Origin: 'https://mail.example' })
        .type('form')
        .send('List-Unsubscribe=One-Click'),
    ];
    for (const res of uses) {
      expect(res.status).toBe(410);
      expect(res.body.message).toBe('This link has expired');
    }
    // Still a member, with the same profile, not paused, and no goodbye (or any) email queued.
    expect(await member('expiry-0001@panel.test')).toEqual(before);
    expect(before?.paused_until).toBeNull();
    expect(await count('SELECT count(*) AS n FROM panel_delivery')).toBe(deliveries);
  });
});
