import { createHash } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { MembersService } from '../../apps/api/src/panel/members/members.service';
import { fieldsOf, JOIN_PROFILE, waitUntil } from '../support/panel-fixtures';
import { linkToken, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

const ORIGIN = { Host: 'swhc.test', Origin: 'http://swhc.test' };
describe('panel membership over HTTP, with emails through a real SMTP server', () => {
  let t: TestApp;
  let server: App;
  let sink: SmtpSink;
  let members: MembersService;

  const post = (url: string, body: object) => request(server).post(url).set(ORIGIN).send(body);
  const memberCount = async (email: string) =>
    Number(
      (
        await queryDatabase<{ n: string }>(
          t.database.url,
          'SELECT count(*) AS n FROM panel_member WHERE email = $1',
          [email],
        )
      )[0]?.n,
    );

  /** Joins and confirms from the emailed link; returns the manage token of the confirmation email. */
  async function joinAndConfirm(email: string): Promise<string> {
    expect((await post('/api/panel/members', { ...JOIN_PROFILE, email })).status).toBe(202);
    const [confirmation] = await sink.waitForTo(email);
    if (!confirmation) throw new Error('no confirmation email');
    const res = await post('/api/panel/members/confirm', {
      token: linkToken(confirmation, '/panel/confirm'),
    });
    expect(res.status).toBe(200);
    return linkToken(confirmation, '/panel/manage');
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ ...sink.env, PUBLIC_BASE_URL: 'https://panel.test' });
    server = t.app.getHttpServer();
    members = t.app.get(MembersService);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('joins with a double opt-in: a single-use confirmation link by email, stored only as a hash', async () => {
    const email = 'Sam.Example@Council.test';
    const res = await post('/api/panel/members', { ...JOIN_PROFILE, email });
    expect(res.status).toBe(202);
    const [confirmation] = await sink.waitForTo(email);
    expect(confirmation?.to).toBe('sam.example@council.test');
    expect(confirmation?.subject).toBe('Confirm that you want to join the polling panel');
    expect(confirmation?.text).toContain('expires in 7 days');
    const token = linkToken(confirmation, '/panel/confirm');
    expect(confirmation?.text).toContain(`https://panel.test/panel/confirm#${token}`);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);

    // Only the SHA-256 is stored.
    const stored = await queryDatabase<{ token_hash: string }>(
      t.database.url,
      `SELECT token_hash FROM panel_token`,
    );
    const hash = createHash('sha256').update(token).digest('hex');
    expect(stored.map((r) => r.token_hash)).toContain(hash);
    expect(JSON.stringify(stored)).not.toContain(token);

    // Not a member yet: no polls until confirmed.
    const [pending] = await queryDatabase<{ confirmed_at: Date | null }>(
      t.database.url,
      `SELECT confirmed_at FROM panel_member WHERE email = 'sam.example@council.test'`,
    );
    expect(pending?.confirmed_at).toBeNull();

    expect((await post('/api/panel/members/confirm', { token })).status).toBe(200);
    const again = await post('/api/panel/members/confirm', { token });
    expect(again.status).toBe(410);
    expect(again.body.message).toBe('This confirmation link has already been used');
  });

  it('answers a sign-up for a known address exactly as for a new one, and says the rest by email', async () => {
    const fresh = await post('/api/panel/members', {
      ...JOIN_PROFILE,
      email: 'new.person@council.test',
    });
    const known = await post('/api/panel/members', {
      ...JOIN_PROFILE,
      email: 'sam.example@council.test',
    });
    expect(known.status).toBe(fresh.status);
    expect(known.body).toEqual(fresh.body);
    const [, alreadyMember] = await sink.waitForTo('sam.example@council.test', 2);
    expect(alreadyMember?.subject).toBe('You are already a member of the polling panel');
    // The profile of a member is not changed by someone typing their address.
    await post('/api/panel/members', {
      ...JOIN_PROFILE,
      region: 'London',
      email: 'sam.example@council.test',
    });
    const [row] = await queryDatabase<{ region: string }>(
      t.database.url,
      `SELECT region FROM panel_member WHERE email = 'sam.example@council.test'`,
    );
    expect(row?.region).toBe('North East');
  });

  it('refuses bad sign-ups with 400 naming each field, and stores nothing', async () => {
    const cases: [object, string][] = [
      [{ ...JOIN_PROFILE, email: 'not-an-email' }, 'email'],
      [{ ...JOIN_PROFILE, email: 'x@council.test', organisation: 'E99999999' }, 'organisation'],
      [{ ...JOIN_PROFILE, email: 'y@council.test', organisation: 'Hartlepool' }, 'organisation'],
      [{ ...JOIN_PROFILE, email: 'z@council.test', consent: false }, 'consent'],
      [{ ...JOIN_PROFILE, email: 'w@council.test', region: 'Atlantis' }, 'region'],
      [{ ...JOIN_PROFILE, email: 'v@council.test', role: 'wizard' }, 'role'],
      [{ ...JOIN_PROFILE, email: 'u@council.test', service: 'both' }, 'service'],
    ];
    for (const [body, field] of cases) {
      const res = await post('/api/panel/members', body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect(await memberCount((body as { email: string }).email)).toBe(0);
    }
  });

  it('manages a membership from the link in any email: profile, pause, then leave at once', async () => {
    const manage = await joinAndConfirm('alex.manage@council.test');
    const view = await post('/api/panel/membership', { token: manage });
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      email: 'alex.manage@council.test',
      organisation: { gssCode: 'E06000001', name: 'Hartlepool' },
      role: 'social-worker',
      service: 'children',
      region: 'North East',
      status: 'active',
      pausedUntil: null,
    });

    const changed = await request(server).put('/api/panel/membership').set(ORIGIN).send({
      token: manage,
      organisation: null,
      role: 'team-manager',
      service: 'adults',
      region: 'London',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      organisation: null,
      role: 'team-manager',
      region: 'London',
    });

    const paused = await post('/api/panel/membership/pause', { token: manage, weeks: 4 });
    expect(paused.body.status).toBe('paused');
    expect(paused.body.pausedUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await post('/api/panel/membership/pause', { token: manage, weeks: 27 })).status).toBe(
      400,
    );
    expect(
      (await post('/api/panel/membership/pause', { token: manage, weeks: 0 })).body.status,
    ).toBe('active');

    expect((await post('/api/panel/membership/leave', { token: manage })).status).toBe(200);
    expect(await memberCount('alex.manage@council.test')).toBe(0);
    const [, goodbye] = await sink.waitForTo('alex.manage@council.test', 2);
    expect(goodbye?.to).toBe('alex.manage@council.test');
    expect(goodbye?.subject).toBe('You have left the polling panel');
    // The address was kept only until the goodbye went (the row says so just after the server did).
    await waitUntil(
      async () =>
        (
          await queryDatabase(
            t.database.url,
            `SELECT 1 FROM panel_delivery WHERE recipient IS NOT NULL`,
          )
        ).length === 0,
    );
    expect((await post('/api/panel/membership', { token: manage })).status).toBe(404);
  });

  it('leaves with one click (RFC 8058): List-Unsubscribe and List-Unsubscribe-Post on every email', async () => {
    await joinAndConfirm('one.click@council.test');
    const [confirmation] = sink.to('one.click@council.test');
    expect(confirmation?.headers.get('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    const url = new URL(confirmation?.unsubscribeUrl ?? '');
    expect(url.origin).toBe('https://panel.test');
    // As a mail provider sends it: a form POST from elsewhere, no cookie.
    const res = await request(server)
      .post(url.pathname)
      .set({ Host: 'swhc.test', Origin: 'https://mail.example' })
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(await memberCount('one.click@council.test')).toBe(0);
    // A GET (a link scanner) never unsubscribes: it goes to the page that asks.
    await joinAndConfirm('scanned@council.test');
    const [scanned] = sink.to('scanned@council.test');
    const get = await request(server).get(new URL(scanned?.unsubscribeUrl ?? '').pathname);
    expect(get.status).toBe(303);
    expect(get.headers['location']).toMatch(/^\/panel\/manage#/);
    expect(await memberCount('scanned@council.test')).toBe(1);
  });

  it('deletes sign-ups nobody confirmed within 7 days, and expired links stop working', async () => {
    await post('/api/panel/members', { ...JOIN_PROFILE, email: 'never.confirmed@council.test' });
    const [confirmation] = await sink.waitForTo('never.confirmed@council.test');
    const token = linkToken(confirmation, '/panel/confirm');
    const eightDays = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    await expect(members.confirm(token, eightDays)).rejects.toThrow('This link has expired');
    const purged = await members.purgeExpired(eightDays);
    expect(purged.signUps).toBeGreaterThanOrEqual(1);
    expect(await memberCount('never.confirmed@council.test')).toBe(0);
    expect((await post('/api/panel/members/confirm', { token })).status).toBe(404);
  });

  it('says a link is not valid, with 4xx, for anything that is not one of ours', async () => {
    for (const token of ['', 'x', 'a'.repeat(43), 'a'.repeat(101)]) {
      const res = await post('/api/panel/membership', { token });
      expect([400, 404]).toContain(res.status);
    }
    expect((await post('/api/panel/membership', {})).status).toBe(400);
  });
});
