import request from 'supertest';
import type { App } from 'supertest/types';
import {
  createStaffAccount,
  asStaff,
  signIn,
  type StaffFixture,
  TEST_HOST,
  TEST_ORIGIN,
} from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

interface ErrorBody {
  message: string;
  errors: { field: string; message: string }[];
}
const fieldsOf = (body: unknown) => (body as ErrorBody).errors.map((e) => e.field);

describe('admin API: staff accounts, LA bindings, K and the audit log', () => {
  let t: TestApp;
  let server: App;
  let admin: StaffFixture;
  let adminCookie: string;

  const as = (cookie: string) => asStaff(server, cookie);

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    admin = await createStaffAccount(t.database.url, {
      email: 'admin@council.test',
      role: 'admin',
    });
    adminCookie = await signIn(server, admin);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates a PSW bound to LAs, who can then sign in and see them', async () => {
    const created = await as(adminCookie)
      .post('/api/admin/accounts', {
        email: 'New.PSW@Council.test',
        password: 'a long enough password',
        role: 'psw',
        organisationGssCodes: ['e06000002', 'E06000001'],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      email: 'new.psw@council.test',
      role: 'psw',
      organisations: [
        { gssCode: 'E06000001', name: 'Hartlepool' },
        { gssCode: 'E06000002', name: 'Middlesbrough' },
      ],
      disabledAt: null,
    });
    const list = await as(adminCookie).get('/api/admin/accounts').expect(200);
    expect((list.body as { email: string }[]).map((a) => a.email)).toEqual(
      expect.arrayContaining(['new.psw@council.test', 'admin@council.test']),
    );
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);
    const cookie = await signIn(server, {
      email: 'new.psw@council.test',
      password: 'a long enough password',
    });
    const me = await as(cookie).get('/api/auth/me').expect(200);
    expect((me.body as { organisations: unknown[] }).organisations).toHaveLength(2);
  });

  it('refuses invalid accounts with 400 naming the fields, and duplicates with 409', async () => {
    const badRole = await as(adminCookie)
      .post('/api/admin/accounts', {
        email: 'x@council.test',
        password: 'long enough pass',
        role: 'boss',
      })
      .expect(400);
    expect(fieldsOf(badRole.body)).toEqual(['role']);
    const bad = await as(adminCookie)
      .post('/api/admin/accounts', { email: 'not-an-email', password: 'short', role: 'psw' })
      .expect(400);
    expect(new Set(fieldsOf(bad.body))).toEqual(
      new Set(['email', 'password', 'organisationGssCodes']),
    );
    const unknownLa = await as(adminCookie)
      .post('/api/admin/accounts', {
        email: 'y@council.test',
        password: 'long enough pass',
        role: 'psw',
        organisationGssCodes: ['E99999999'],
      })
      .expect(400);
    expect((unknownLa.body as ErrorBody).errors).toEqual([
      { field: 'organisationGssCodes', message: 'unknown LA code(s): E99999999' },
    ]);
    const malformedCode = await as(adminCookie)
      .post('/api/admin/accounts', {
        email: 'y@council.test',
        password: 'long enough pass',
        role: 'psw',
        organisationGssCodes: ['DROP TABLE'],
      })
      .expect(400);
    expect(fieldsOf(malformedCode.body)).toEqual(['organisationGssCodes']);
    const researcherWithLa = await as(adminCookie)
      .post('/api/admin/accounts', {
        email: 'r@council.test',
        password: 'long enough pass',
        role: 'researcher',
        organisationGssCodes: ['E06000001'],
      })
      .expect(400);
    expect(fieldsOf(researcherWithLa.body)).toEqual(['organisationGssCodes']);
    const dup = await as(adminCookie)
      .post('/api/admin/accounts', {
        email: 'ADMIN@council.test',
        password: 'long enough pass',
        role: 'admin',
      })
      .expect(409);
    expect(fieldsOf(dup.body)).toEqual(['email']);
  });

  it('shows one account by id, and 404 with the error body for an unknown or malformed id', async () => {
    const psw = await createStaffAccount(t.database.url, {
      email: 'one@council.test',
      role: 'psw',
      gssCodes: ['E06000002', 'E06000001'],
    });
    const res = await as(adminCookie).get(`/api/admin/accounts/${psw.id}`).expect(200);
    expect(res.body).toEqual({
      id: psw.id,
      email: 'one@council.test',
      role: 'psw',
      organisations: [
        { gssCode: 'E06000001', name: 'Hartlepool' },
        { gssCode: 'E06000002', name: 'Middlesbrough' },
      ],
      disabledAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1"]) {
      const missing = await as(adminCookie)
        .get(`/api/admin/accounts/${encodeURIComponent(id)}`)
        .expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        message: 'No such staff account',
        errors: [],
      });
    }
  });

  it('binds and unbinds a PSW’s LAs, taking effect at once', async () => {
    const psw = await createStaffAccount(t.database.url, {
      email: 'bind@council.test',
      role: 'psw',
      gssCodes: ['E06000001'],
    });
    const pswCookie = await signIn(server, psw);
    const res = await as(adminCookie)
      .put(`/api/admin/accounts/${psw.id}/organisations`, { gssCodes: ['E06000003', 'E06000004'] })
      .expect(200);
    expect(
      (res.body as { organisations: { gssCode: string }[] }).organisations.map((o) => o.gssCode),
    ).toEqual(['E06000003', 'E06000004']);
    const me = await as(pswCookie).get('/api/auth/me').expect(200);
    expect(
      (me.body as { organisations: { gssCode: string }[] }).organisations.map((o) => o.gssCode),
    ).toEqual(['E06000003', 'E06000004']);

    const none = await as(adminCookie)
      .put(`/api/admin/accounts/${psw.id}/organisations`, { gssCodes: [] })
      .expect(400);
    expect(fieldsOf(none.body)).toEqual(['gssCodes']);
    await as(adminCookie)
      .put(`/api/admin/accounts/${psw.id}/organisations`, { gssCodes: ['E99999999'] })
      .expect(400);
    await as(adminCookie)
      .put(`/api/admin/accounts/${admin.id}/organisations`, { gssCodes: ['E06000001'] })
      .expect(400);
    const badId = await as(adminCookie)
      .put('/api/admin/accounts/not-a-uuid/organisations', { gssCodes: ['E06000001'] })
      .expect(400);
    expect(fieldsOf(badId.body)).toEqual(['id']);
    await as(adminCookie)
      .put('/api/admin/accounts/00000000-0000-4000-8000-000000000000/organisations', {
        gssCodes: ['E06000001'],
      })
      .expect(404);
  });

  it('disables and re-enables accounts, but not the admin’s own', async () => {
    const other = await createStaffAccount(t.database.url, {
      email: 'other@council.test',
      role: 'researcher',
    });
    const self = await as(adminCookie).post(`/api/admin/accounts/${admin.id}/disable`).expect(400);
    expect(fieldsOf(self.body)).toEqual(['id']);
    const disabled = await as(adminCookie)
      .post(`/api/admin/accounts/${other.id}/disable`)
      .expect(200);
    expect((disabled.body as { disabledAt: string | null }).disabledAt).not.toBeNull();
    await request(server)
      .post('/api/auth/login')
      .set('Host', TEST_HOST)
      .set('Origin', TEST_ORIGIN)
      .send({ email: other.email, password: other.password })
      .expect(401);
    const enabled = await as(adminCookie)
      .post(`/api/admin/accounts/${other.id}/enable`)
      .expect(200);
    expect((enabled.body as { disabledAt: string | null }).disabledAt).toBeNull();
    await signIn(server, other);
  });

  it('sets a new password: old one and old sessions stop working, a lock-out is lifted', async () => {
    const forgetful = await createStaffAccount(t.database.url, {
      email: 'forgetful@council.test',
      role: 'psw',
      gssCodes: ['E06000001'],
    });
    const oldCookie = await signIn(server, forgetful);
    const login = (password: string) =>
      request(server)
        .post('/api/auth/login')
        .set('Host', TEST_HOST)
        .set('Origin', TEST_ORIGIN)
        .send({ email: forgetful.email, password });
    for (let i = 0; i < 5; i++) await login(`wrong guess ${i}`).expect(401);
    await login(forgetful.password).expect(429);

    const short = await as(adminCookie)
      .put(`/api/admin/accounts/${forgetful.id}/password`, { password: 'too short' })
      .expect(400);
    expect((short.body as ErrorBody).errors).toEqual([
      { field: 'password', message: 'must be at least 12 characters' },
    ]);
    const missing = await as(adminCookie)
      .put(`/api/admin/accounts/${forgetful.id}/password`, {})
      .expect(400);
    expect(new Set(fieldsOf(missing.body))).toEqual(new Set(['password']));

    await as(adminCookie)
      .put(`/api/admin/accounts/${forgetful.id}/password`, { password: 'a brand new password' })
      .expect(200);
    await as(oldCookie).get('/api/auth/me').expect(401);
    await login(forgetful.password).expect(401);
    await signIn(server, { email: forgetful.email, password: 'a brand new password' });
    const audit = await queryDatabase<{ detail: unknown }>(
      t.database.url,
      `SELECT detail FROM audit_event WHERE action = 'account-password-set'`,
    );
    expect(audit).toEqual([{ detail: { sessionsEnded: 1 } }]);
    expect(
      JSON.stringify(await queryDatabase(t.database.url, 'SELECT * FROM audit_event')),
    ).not.toContain('a brand new password');
  });

  it('sets the minimum group size K, never below 5', async () => {
    const before = await as(adminCookie).get('/api/admin/settings').expect(200);
    expect(before.body).toEqual({ minimumGroupSize: 10, lowestMinimumGroupSize: 5 });
    for (const value of [4, 0, 10.5, '12', null]) {
      const res = await as(adminCookie)
        .put('/api/admin/settings/minimum-group-size', { minimumGroupSize: value })
        .expect(400);
      expect(fieldsOf(res.body)).toContain('minimumGroupSize');
    }
    await as(adminCookie).put('/api/admin/settings/minimum-group-size', {}).expect(400);
    const set = await as(adminCookie)
      .put('/api/admin/settings/minimum-group-size', { minimumGroupSize: 12 })
      .expect(200);
    expect(set.body).toEqual({ minimumGroupSize: 12, lowestMinimumGroupSize: 5 });
    const after = await as(adminCookie).get('/api/admin/settings').expect(200);
    expect((after.body as { minimumGroupSize: number }).minimumGroupSize).toBe(12);
    const [row] = await queryDatabase<{ detail: unknown; actor_email: string }>(
      t.database.url,
      `SELECT detail, actor_email FROM audit_event WHERE action = 'setting-changed'`,
    );
    expect(row).toEqual({ detail: { from: 10, to: 12 }, actor_email: admin.email });
  });

  it('lists recent audit events for admins, with a bounded limit', async () => {
    const res = await as(adminCookie).get('/api/admin/audit-events').expect(200);
    const actions = (res.body as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sign-in',
        'account-created',
        'account-organisations-changed',
        'account-disabled',
        'account-enabled',
        'account-password-set',
        'setting-changed',
      ]),
    );
    const bad = await as(adminCookie).get('/api/admin/audit-events?limit=0').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['limit']);
    await as(adminCookie).get('/api/admin/audit-events?limit=abc').expect(400);
    const two = await as(adminCookie).get('/api/admin/audit-events?limit=2').expect(200);
    expect(two.body).toHaveLength(2);
  });

  it('lists every LA for binding', async () => {
    const res = await as(adminCookie).get('/api/admin/organisations').expect(200);
    const list = res.body as { gssCode: string; name: string; region: string }[];
    expect(list.length).toBeGreaterThan(150);
    expect(list[0]).toEqual({ gssCode: 'E06000001', name: 'Hartlepool', region: 'North East' });
  });
});
