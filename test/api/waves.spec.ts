import { randomUUID } from 'node:crypto';
import type {
  EnrolmentView,
  EnrolResult,
  HealthCheckRun,
  InstrumentVersionView,
  WaveDetail,
  WaveView,
} from '@swhc/contracts';
import request from 'supertest';
import type { App } from 'supertest/types';
import { asStaff, signInNewStaff } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { TestClock } from 'pg-boss';
import { queryDatabase } from '../support/test-database';
import { fullAnswers } from '../support/wave-fixtures';

describe('waves, enrolments and links', () => {
  const clock = new TestClock(Date.parse('2026-01-10T12:00:00Z'));
  let t: TestApp;
  let server: App;
  let admin: string;
  let psw: string;
  let instrumentId: string;
  let counter = 0;

  const send = (
    method: 'get' | 'post' | 'put' | 'delete',
    url: string,
    cookie: string,
    body?: object,
  ) =>
    method === 'get'
      ? asStaff(server, cookie).get(url)
      : asStaff(server, cookie)[method](url, body);
  const respond = (code: string, service: 'children' | 'adults' = 'children', i = 0) =>
    request(server)
      .post(`/api/surveys/${code}/responses`)
      .send({ submissionId: randomUUID(), answers: fullAnswers(i, service) });

  /** A new scheduled wave with these London times, enrolled for `gssCodes`. */
  async function wave(
    opensAt: string,
    closesAt: string,
    gssCodes: string[] = [],
    extra: Record<string, unknown> = {},
  ): Promise<{ wave: WaveView; links: EnrolmentView[] }> {
    const created = await send('post', '/api/admin/waves', admin, {
      name: `Wave ${++counter}`,
      instrumentId,
      services: ['children', 'adults'],
      opensAt,
      closesAt,
      ...extra,
    });
    expect(created.status).toBe(201);
    const id = (created.body as WaveView).id;
    await send('post', `/api/admin/waves/${id}/schedule`, admin).expect(200);
    let links: EnrolmentView[] = [];
    if (gssCodes.length > 0) {
      const enrolled = await send('post', `/api/admin/waves/${id}/enrolments`, admin, {
        scope: 'list',
        gssCodes,
      });
      expect(enrolled.status).toBe(201);
      links = (enrolled.body as EnrolResult).enrolled;
    }
    return { wave: created.body as WaveView, links };
  }
  const linkOf = (links: EnrolmentView[], gss: string, service = 'children') =>
    links.find((l) => l.gssCode === gss && l.service === service)?.code ?? '';

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    server = t.app.getHttpServer();
    admin = await signInNewStaff(t, { email: 'waves-admin@council.test', role: 'admin' });
    psw = await signInNewStaff(t, {
      email: 'waves-psw@council.test',
      role: 'psw',
      gssCodes: ['E08000021'],
    });
    const list = (await send('get', '/api/admin/instruments', admin).expect(200))
      .body as InstrumentVersionView[];
    instrumentId = list.find((i) => i.version === 2)?.id ?? '';
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('London time', () => {
    it.each([
      [
        'the last Sunday of March (clocks go forward)',
        '2026-03-29',
        '2026-03-29T22:59:59.000Z',
        'E06000009',
      ],
      [
        'the last Sunday of October (clocks go back)',
        '2026-10-25',
        '2026-10-25T23:59:59.000Z',
        'E06000010',
      ],
    ])(
      'a wave closing on %s at 23:59:59 London time takes answers until then',
      async (_l, day, utc, gss) => {
        await clock.setTime('2026-02-01T12:00:00Z');
        const { wave: w, links } = await wave('2026-02-02', day, [gss]);
        expect(w.closesAt).toBe(utc);
        const code = linkOf(links, gss);
        await clock.setTime(new Date(Date.parse(utc) - 1000));
        await respond(code).expect(201);
        await clock.setTime(utc);
        const late = await respond(code);
        expect(late.status).toBe(410);
        expect(late.body.message).toMatch(/has closed/);
      },
    );

    it('takes a closing time to the minute, in BST or GMT, and refuses a time that never happens', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      const bst = await wave('2026-02-02', '2026-10-24T23:59');
      expect(bst.wave.closesAt).toBe('2026-10-24T22:59:00.000Z');
      const gone = await send('post', '/api/admin/waves', admin, {
        name: 'Skipped hour',
        instrumentId,
        services: ['children'],
        opensAt: '2026-03-29T01:30',
        closesAt: '2026-04-30',
      });
      expect(gone.status).toBe(400);
      expect(gone.body.errors).toEqual([
        { field: 'opensAt', message: expect.stringMatching(/does not exist in London/) },
      ]);
    });
  });

  describe('bad input names the field and stores nothing', () => {
    const waves = async () =>
      Number(
        (await queryDatabase<{ n: string }>(t.database.url, 'SELECT count(*) AS n FROM wave'))[0]
          ?.n,
      );

    it.each([
      ['dates in the wrong order', { opensAt: '2026-06-30', closesAt: '2026-06-01' }, 'closesAt'],
      ['a closing time in the past', { opensAt: '2025-01-01', closesAt: '2025-12-31' }, 'closesAt'],
      ['an unknown instrument version', { instrumentId: randomUUID() }, 'instrumentId'],
      ['an instrument id that is not one', { instrumentId: "1' OR '1'='1" }, 'instrumentId'],
      ['no services', { services: [] }, 'services'],
      ['an unknown service', { services: ['teachers'] }, 'services'],
      ['a date that is not one', { opensAt: '31/03/2026' }, 'opensAt'],
      ['an empty name', { name: '  ' }, 'name'],
    ])('%s', async (_label, patch, field) => {
      await clock.setTime('2026-02-01T12:00:00Z');
      const before = await waves();
      const res = await send('post', '/api/admin/waves', admin, {
        name: `Bad ${++counter}`,
        instrumentId,
        services: ['children'],
        opensAt: '2026-03-01',
        closesAt: '2026-03-31',
        ...patch,
      });
      expect(res.status).toBe(400);
      expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(
        field,
      );
      expect(await waves()).toBe(before);
    });

    it('refuses a taken name (409), an unknown GSS code and an LA already enrolled', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      const { wave: w } = await wave('2026-04-01', '2026-04-30', ['E06000011']);
      const taken = await send('post', '/api/admin/waves', admin, {
        name: w.name,
        instrumentId,
        services: ['children'],
        opensAt: '2026-05-01',
        closesAt: '2026-05-31',
      });
      expect(taken.status).toBe(409);
      expect(taken.body.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
      const unknown = await send('post', `/api/admin/waves/${w.id}/enrolments`, admin, {
        scope: 'list',
        gssCodes: ['E06000012', 'E99999999'],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        { field: 'gssCodes[1]', message: expect.stringMatching(/E99999999/) },
      ]);
      const again = await send('post', `/api/admin/waves/${w.id}/enrolments`, admin, {
        scope: 'list',
        gssCodes: ['E06000011'],
      });
      expect(again.status).toBe(409);
      expect(again.body.errors[0]).toMatchObject({ field: 'gssCodes[0]' });
      const links = await queryDatabase(
        t.database.url,
        'SELECT id FROM survey_link WHERE wave_id = $1',
        [w.id],
      );
      expect(links).toHaveLength(2);
    });

    it('never lets two waves of the same instrument overlap for one LA’s service', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      await wave('2026-06-01', '2026-06-30', ['E06000013']);
      const { wave: later } = await wave('2026-06-15', '2026-07-15');
      const clash = await send('post', `/api/admin/waves/${later.id}/enrolments`, admin, {
        scope: 'list',
        gssCodes: ['E06000013', 'E06000014'],
      });
      expect(clash.status).toBe(409);
      expect(clash.body.errors[0]).toMatchObject({ field: 'E06000013' });
      // Nothing of the request was stored, not even the LA without a clash.
      expect(
        await queryDatabase(t.database.url, 'SELECT id FROM survey_link WHERE wave_id = $1', [
          later.id,
        ]),
      ).toEqual([]);
      // Moving an enrolled wave onto another is refused the same way.
      const { wave: july } = await wave('2026-07-01', '2026-07-31', ['E06000013']);
      const moved = await send('put', `/api/admin/waves/${july.id}`, admin, {
        opensAt: '2026-06-20',
      });
      expect(moved.status).toBe(409);
    });
  });

  describe('what each state allows', () => {
    it('edits everything before opening; only the closing time while open; nothing once closed', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      const { wave: w } = await wave('2026-03-01', '2026-03-31', ['E06000015']);
      const renamed = await send('put', `/api/admin/waves/${w.id}`, admin, {
        name: `${w.name} (renamed)`,
        opensAt: '2026-03-02',
        services: ['children', 'adults'],
      });
      expect(renamed.status).toBe(200);
      expect((renamed.body as WaveView).opensAt).toBe('2026-03-02T00:00:00.000Z');

      await clock.setTime('2026-03-10T12:00:00Z');
      const frozen = await send('put', `/api/admin/waves/${w.id}`, admin, { name: 'Not now' });
      expect(frozen.status).toBe(409);
      expect(frozen.body.message).toMatch(/is open/);
      expect(frozen.body.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
      const extended = await send('put', `/api/admin/waves/${w.id}`, admin, {
        closesAt: '2026-04-15',
      });
      expect((extended.body as WaveView).closesAt).toBe('2026-04-15T22:59:59.000Z');
      const forward = await send('put', `/api/admin/waves/${w.id}`, admin, {
        closesAt: '2026-03-20',
      });
      expect((forward.body as WaveView).closesAt).toBe('2026-03-20T23:59:59.000Z');
      const past = await send('put', `/api/admin/waves/${w.id}`, admin, { closesAt: '2026-03-09' });
      expect(past.status).toBe(400);
      expect(past.body.errors).toEqual([{ field: 'closesAt', message: 'must be in the future' }]);
      const schedule = await send('post', `/api/admin/waves/${w.id}/schedule`, admin);
      expect(schedule.status).toBe(409);
      expect(schedule.body.message).toMatch(/is open/);

      const closed = await send('post', `/api/admin/waves/${w.id}/close`, admin);
      expect((closed.body as WaveView).state).toBe('closed');
      const again = await send('post', `/api/admin/waves/${w.id}/close`, admin);
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/has closed/);
      for (const body of [{ name: 'x' }, { closesAt: '2026-05-01' }]) {
        const res = await send('put', `/api/admin/waves/${w.id}`, admin, body);
        expect(res.status).toBe(409);
      }
      const audit = await queryDatabase<{ action: string }>(
        t.database.url,
        `SELECT action FROM audit_event WHERE target = $1 AND action IN ('wave-changed', 'wave-closed')`,
        [`wave:${w.id}`],
      );
      expect(audit).toHaveLength(4);
    });

    it('"close now" refuses the very next answer', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      const { wave: w, links } = await wave('2026-02-01', '2026-05-31', ['E06000016']);
      const code = linkOf(links, 'E06000016');
      await respond(code).expect(201);
      await send('post', `/api/admin/waves/${w.id}/close`, admin).expect(200);
      const next = await respond(code);
      expect(next.status).toBe(410);
      expect((await request(server).get(`/api/surveys/${code}`)).status).toBe(410);
    });

    it('enrols all of England or a region, leaving those already enrolled as they are', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      // After every other wave of this file, so no LA's dates clash.
      const { wave: w } = await wave('2027-08-01', '2027-08-31', ['E06000001'], {
        services: ['adults'],
        instrumentId,
      });
      const region = await send('post', `/api/admin/waves/${w.id}/enrolments`, admin, {
        scope: 'region',
        region: 'North East',
      });
      expect(region.status).toBe(201);
      const regional = region.body as EnrolResult;
      expect(regional.alreadyEnrolled).toBe(1);
      expect(
        regional.enrolled.every((e) => e.region === 'North East' && e.service === 'adults'),
      ).toBe(true);
      const england = (
        await send('post', `/api/admin/waves/${w.id}/enrolments`, admin, { scope: 'england' })
      ).body as EnrolResult;
      const [las] = await queryDatabase<{ n: string }>(
        t.database.url,
        'SELECT count(*) AS n FROM organisation',
      );
      expect(england.enrolled.length + england.alreadyEnrolled).toBe(Number(las?.n));
      const nowhere = await send('post', `/api/admin/waves/${w.id}/enrolments`, admin, {
        scope: 'region',
        region: 'Atlantis',
      });
      expect(nowhere.status).toBe(400);
      expect(nowhere.body.errors[0]).toMatchObject({ field: 'region' });
      const children = await send('post', `/api/admin/waves/${w.id}/enrolments`, admin, {
        scope: 'england',
        services: ['children'],
      });
      expect(children.status).toBe(400);
      expect(children.body.errors[0]).toMatchObject({ field: 'service' });
    });

    it('withdraws an enrolment only while nobody has answered through it', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      const { wave: w, links } = await wave('2026-02-01', '2026-02-28', ['E06000017', 'E06000018']);
      await respond(linkOf(links, 'E06000018')).expect(201);
      await send('delete', `/api/admin/waves/${w.id}/enrolments/E06000017/children`, admin).expect(
        204,
      );
      expect((await request(server).get(`/api/surveys/${linkOf(links, 'E06000017')}`)).status).toBe(
        404,
      );
      const answered = await send(
        'delete',
        `/api/admin/waves/${w.id}/enrolments/E06000018/children`,
        admin,
      );
      expect(answered.status).toBe(409);
      expect(answered.body.errors[0]).toMatchObject({ field: 'enrolment' });
      await send('delete', `/api/admin/waves/${w.id}/enrolments/E06000017/children`, admin).expect(
        404,
      );
      const detail = (await send('get', `/api/admin/waves/${w.id}`, admin).expect(200))
        .body as WaveDetail;
      expect(detail.enrolments.map((e) => `${e.gssCode}/${e.service}`).sort()).toEqual([
        'E06000017/adults',
        'E06000018/adults',
        'E06000018/children',
      ]);
      // One response is fewer than K: the count is hidden, but it is not "none".
      const answeredRow = detail.enrolments.find(
        (e) => e.gssCode === 'E06000018' && e.service === 'children',
      );
      expect(answeredRow).toMatchObject({
        responses: null,
        responsesMessage: 'Fewer than 10 responses',
      });
    });
  });

  describe('replacing a leaked link', () => {
    it('answers 410 "replaced" for the old code, takes answers at the new one, and keeps earlier answers', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      const { wave: w, links } = await wave('2026-02-01', '2026-03-31', ['E08000021']);
      const old = linkOf(links, 'E08000021');
      for (let i = 0; i < 10; i++) await respond(old, 'children', i).expect(201);
      const replaced = await send(
        'post',
        `/api/admin/waves/${w.id}/enrolments/E08000021/children/replace-link`,
        admin,
      );
      expect(replaced.status).toBe(200);
      const fresh = (replaced.body as EnrolmentView).code;
      expect(fresh).not.toBe(old);
      expect((replaced.body as EnrolmentView).replacedCodes).toBe(1);

      for (const res of [await request(server).get(`/api/surveys/${old}`), await respond(old)]) {
        expect(res.status).toBe(410);
        expect(res.body.message).toMatch(
          /replaced.*Ask your principal social worker for the new link/,
        );
        expect(res.body.errors).toEqual([{ field: 'code', message: 'was replaced by a new link' }]);
      }
      await request(server).get(`/api/surveys/${fresh}`).expect(200);
      await respond(fresh, 'children', 11).expect(201);

      const run = (await send('get', '/api/organisations/E08000021/survey', psw).expect(200))
        .body as HealthCheckRun;
      const mine = run.waves
        .find((x) => x.id === w.id)
        ?.enrolments.find((e) => e.service === 'children');
      expect(mine?.code).toBe(fresh);
      expect(mine?.responses.count).toBe(11);
      const audit = await queryDatabase(
        t.database.url,
        `SELECT id FROM audit_event WHERE action = 'link-replaced' AND target = $1`,
        [`wave:${w.id}`],
      );
      expect(audit).toHaveLength(1);
    });
  });

  describe('a PSW enrols their own LA', () => {
    it('for a service of a scheduled or open wave, once; never in a draft, never another LA', async () => {
      await clock.setTime('2026-02-01T12:00:00Z');
      const { wave: w } = await wave('2026-09-01', '2026-09-30');
      const mine = await send('post', '/api/organisations/E08000021/enrolments', psw, {
        wave: w.id,
        service: 'adults',
      });
      expect(mine.status).toBe(201);
      expect((mine.body as EnrolmentView).code).toMatch(/^[A-Za-z0-9]/);
      const twice = await send('post', '/api/organisations/E08000021/enrolments', psw, {
        wave: w.id,
        service: 'adults',
      });
      expect(twice.status).toBe(409);
      const other = await send('post', '/api/organisations/E06000001/enrolments', psw, {
        wave: w.id,
        service: 'adults',
      });
      expect(other.status).toBe(404);
      const draft = (
        await send('post', '/api/admin/waves', admin, {
          name: `Draft ${++counter}`,
          instrumentId,
          services: ['children'],
          opensAt: '2026-10-01',
          closesAt: '2026-10-31',
        })
      ).body as WaveView;
      const inDraft = await send('post', '/api/organisations/E08000021/enrolments', psw, {
        wave: draft.id,
        service: 'children',
      });
      expect(inDraft.status).toBe(409);
      expect(inDraft.body.message).toMatch(/is a draft/);
      const run = (await send('get', '/api/organisations/E08000021/survey', psw).expect(200))
        .body as HealthCheckRun;
      expect(run.waves.some((x) => x.id === draft.id)).toBe(false);
      expect(run.waves.find((x) => x.id === w.id)?.enrolable).toEqual(['children']);
    });
  });
});
