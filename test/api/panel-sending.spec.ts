import { TestClock } from 'pg-boss';
import { PanelMailer } from '../../apps/api/src/panel/delivery/panel-mailer.service';
import { DeliveryDispatcher } from '../../apps/api/src/panel/delivery/delivery-dispatcher';
import { PanelScheduler } from '../../apps/api/src/panel/polls/panel-scheduler.service';
import { startBuiltApp, type RunningApp } from '../support/app-server';
import { insertMembers, openPoll, waitUntil } from '../support/panel-fixtures';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createStaffAccount, signIn } from '../support/staff-fixtures';
import { createTestApp, startTestAppOn, type TestApp } from '../support/test-app';
import { provisionTestDatabase, queryDatabase, type TestDatabase } from '../support/test-database';
import { tickUntil } from '../support/tick-until';

/**
 * Sending survives crashes and scale-out: each email reaches the SMTP server once, counted at the
 * server. (A sender that dies after the server accepted an email but before recording it would send
 * it again; that window is not hit here: see docs/polling-panel.md.)
 */
describe('panel emails: never lost, never twice', () => {
  const states = async (url: string) =>
    Object.fromEntries(
      (
        await queryDatabase<{ state: string; n: string }>(
          url,
          `SELECT state, count(*) AS n FROM panel_delivery GROUP BY state`,
        )
      ).map((r) => [r.state, Number(r.n)]),
    );

  it('killing the sender mid-way and starting it again sends every email once', async () => {
    // The sink holds its "250 OK" for emails 61 on until released: those are mid-way when the
    // sender is killed, and a message whose sender died before the OK was never delivered.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen = 0;
    const sink = await startSmtpSink({
      beforeAccept: async () => {
        seen += 1;
        if (seen > 60) await held;
      },
    });
    const database = await provisionTestDatabase();
    const env = {
      ...sink.env,
      MAIL_SEND_TIMEOUT_SECONDS: '2',
      PUBLIC_BASE_URL: 'https://panel.test',
    };
    let app: RunningApp | null = await startBuiltApp(database.url, { env });
    let second: RunningApp | null = null;
    try {
      const emails = await insertMembers(database.url, 'crash', 200);
      const admin = await createStaffAccount(database.url, {
        email: 'admin@crash.test',
        role: 'admin',
      });
      const cookie = await signIn(app.baseUrl, admin);
      const created = await fetch(`${app.baseUrl}/api/panel/polls`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: app.baseUrl, Cookie: cookie },
        body: JSON.stringify(openPoll()),
      });
      expect(created.status).toBe(201);
      await sink.waitFor(60);
      // The 60 accepted are recorded as sent (a sender killed between the server's OK and that
      // write would send again: the known window, not what this test is about).
      await waitUntil(async () => (await states(database.url))['sent'] === 60);
      await waitUntil(() => Promise.resolve(seen > 61));
      // Kill -9: no graceful shutdown, jobs left active, emails claimed and half sent.
      await app.kill();
      app = null;
      // Only once the sink has seen its connections drop: the held emails are then refused.
      await sink.waitForNoClients();
      release();
      const before = await states(database.url);
      expect(before['sent']).toBe(60);

      second = await startBuiltApp(database.url, { env });
      await sink.waitFor(200, 60_000);
      await waitUntil(async () => (await states(database.url))['sent'] === 200, 60_000);
      const received = sink.received.map((e) => e.to).sort();
      expect(received).toEqual([...emails].sort());
      // No log line carries a link's token.
      expect(second.output()).not.toMatch(/#[A-Za-z0-9_-]{43}/);
    } finally {
      await app?.stop();
      await second?.stop();
      await database.drop();
      await sink.close();
    }
  });

  describe('two instances on one database', () => {
    let first: TestApp;
    let other: Awaited<ReturnType<typeof startTestAppOn>>;
    let sink: SmtpSink;
    let database: TestDatabase;

    afterAll(async () => {
      await other?.close();
      await first?.close();
      await sink?.close();
    });

    it('send each email once, even when both queue jobs for the same emails', async () => {
      sink = await startSmtpSink();
      first = await createTestApp(sink.env);
      database = first.database;
      other = await startTestAppOn(database, sink.env);
      const emails = await insertMembers(database.url, 'twice', 300);
      const [poll] = await queryDatabase<{ id: string }>(
        database.url,
        `INSERT INTO poll (title, opens_at, closes_at, remind_at, audience)
         VALUES ('Both', now() - interval '1 minute', now() + interval '10 days', now() + interval '8 days', '{}')
         RETURNING id`,
      );
      expect(poll).toBeDefined();
      // Both instances' clocks tick at once; then both queue jobs for every email again.
      await Promise.all([first.app, other].map((app) => app.get(PanelScheduler).tick()));
      const ids = (
        await queryDatabase<{ id: string }>(database.url, `SELECT id FROM panel_delivery`)
      ).map((r) => r.id);
      expect(ids).toHaveLength(300);
      await Promise.all([first.app, other].map((app) => app.get(DeliveryDispatcher).dispatch(ids)));
      await sink.waitFor(300, 60_000);
      await waitUntil(async () => (await states(database.url))['sent'] === 300, 60_000);
      expect(sink.received.map((e) => e.to).sort()).toEqual([...emails].sort());
    });
  });

  describe('the minute clock', () => {
    let t: TestApp;
    let sink: SmtpSink;

    afterAll(async () => {
      await t?.close();
      await sink?.close();
    });

    it('opens a poll when it is due, through the pg-boss schedule, and its invitations reach the SMTP server', async () => {
      const clock = new TestClock(new Date('2031-06-10T12:00:30Z'));
      sink = await startSmtpSink();
      t = await createTestApp(sink.env, { clock });
      const emails = await insertMembers(t.database.url, 'clock', 12);
      const opensAt = new Date('2031-06-10T12:03:00Z');
      await queryDatabase(
        t.database.url,
        `INSERT INTO poll (title, opens_at, closes_at, remind_at, audience)
         VALUES ('Due', $1, $1::timestamptz + interval '10 days', $1::timestamptz + interval '8 days', '{}')`,
        [opensAt],
      );
      await tickUntil(clock, () => Promise.resolve(sink.received.length >= 12), 10 * 60_000);
      expect(sink.received.map((e) => e.to).sort()).toEqual([...emails].sort());
      expect(sink.received.every((e) => e.subject === 'New poll: Due')).toBe(true);
      // Not before it was due: the clock ran the tick, no request did.
      const [poll] = await queryDatabase<{ queued: Date }>(
        t.database.url,
        `SELECT invitations_queued_at AS queued FROM poll`,
      );
      expect(poll?.queued.getTime()).toBeGreaterThanOrEqual(opensAt.getTime());
      expect(poll?.queued.getTime()).toBeLessThan(opensAt.getTime() + 2 * 60_000);
    });
  });

  describe('the rate limit', () => {
    let t: TestApp;
    let sink: SmtpSink;

    afterAll(async () => {
      await t?.close();
      await sink?.close();
    });

    it('sends MAIL_RATE_PER_MINUTE a minute, and a second job for sent emails uses none of it', async () => {
      sink = await startSmtpSink();
      t = await createTestApp({ ...sink.env, MAIL_RATE_PER_MINUTE: '5' });
      const url = t.database.url;
      const emails = await insertMembers(url, 'rate', 12);
      const ids = (
        await queryDatabase<{ id: string }>(
          url,
          `INSERT INTO panel_delivery (kind, member_id) SELECT 'already-member', id FROM panel_member
           RETURNING id`,
        )
      ).map((r) => r.id);
      const counted = async () =>
        (await queryDatabase<{ sent: number }>(url, `SELECT sent FROM mail_rate_window`))
          .map((r) => r.sent)
          .sort();
      // Instead of waiting for the next minute: note what has gone, then make the minute a past one.
      const atEachWait: number[] = [];
      const nextMinute = async () => {
        atEachWait.push(sink.received.length);
        await queryDatabase(
          url,
          `UPDATE mail_rate_window SET minute = minute - interval '1 minute'`,
        );
      };
      const mailer = t.app.get(PanelMailer);

      const first = await mailer.deliver(ids, nextMinute);
      expect([...first.values()].every((o) => o === 'sent')).toBe(true);
      expect(atEachWait).toEqual([5, 10]);
      expect(sink.received.map((e) => e.to).sort()).toEqual([...emails].sort());
      expect(await counted()).toEqual([2, 5, 5]);

      const again = await mailer.deliver(ids, nextMinute);
      expect([...again.values()].every((o) => o === 'skipped')).toBe(true);
      expect(atEachWait).toEqual([5, 10]);
      expect(sink.received).toHaveLength(12);
      expect(await counted()).toEqual([2, 5, 5]);
    });
  });
});
