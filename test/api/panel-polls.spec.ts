import { randomUUID } from 'node:crypto';
import type { App } from 'supertest/types';
import { AnswersService } from '../../apps/api/src/panel/answers/answers.service';
import { PanelScheduler } from '../../apps/api/src/panel/polls/panel-scheduler.service';
import { PanelResultsService } from '../../apps/api/src/panel/results/panel-results.service';
import {
  fieldsOf,
  insertMembers,
  openPoll,
  RESEARCH_USE,
  waitUntil,
  WELLBEING,
} from '../support/panel-fixtures';
import { linkToken, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { asStaff, signInNewStaff } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

const DAY = 24 * 60 * 60 * 1000;

describe('panel polls: invitations, answers, reminders, results (real PostgreSQL and SMTP)', () => {
  let t: TestApp;
  let server: App;
  let sink: SmtpSink;
  let adminCookie: string;
  let researcherCookie: string;
  let scheduler: PanelScheduler;

  const asAdmin = (method: 'get' | 'post' | 'put', url: string, cookie = adminCookie) =>
    asStaff(server, cookie)[method](url);
  const publicPost = (url: string, body: object) => asStaff(server).post(url, body);
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await queryDatabase<{ n: string }>(t.database.url, sql, params))[0]?.n);

  beforeAll(async () => {
    // Bounces for one address, to see them counted.
    sink = await startSmtpSink({ reject: (address) => address.startsWith('bounce-') });
    t = await createTestApp(sink.env);
    server = t.app.getHttpServer();
    scheduler = t.app.get(PanelScheduler);
    adminCookie = await signInNewStaff(t, { email: 'admin@panel.test', role: 'admin' });
    researcherCookie = await signInNewStaff(t, {
      email: 'researcher@panel.test',
      role: 'researcher',
    });
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('refuses a bad poll with every problem by path, and stores nothing', async () => {
    const res = await asAdmin('post', '/api/panel/polls').send({
      ...openPoll(),
      title: '',
      questions: [
        { ...WELLBEING, rateMax: 0 },
        { ...RESEARCH_USE, choices: [] },
      ],
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['title', 'questions[0].rateMax', 'questions[1].choices']);
    expect(await count('SELECT count(*) AS n FROM poll')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM panel_question')).toBe(0);
  });

  it('opens a poll for its audience: one invitation email each, with a working personal link', async () => {
    await insertMembers(t.database.url, 'child', 12, { service: 'children' });
    await insertMembers(t.database.url, 'adult', 5, { service: 'adults' });
    await insertMembers(t.database.url, 'paused', 2, {
      service: 'children',
      pausedUntil: '2999-01-01',
    });
    await insertMembers(t.database.url, 'pending', 2, { service: 'children', confirmed: false });
    await insertMembers(t.database.url, 'bounce', 1, { service: 'children' });

    const created = await asAdmin('post', '/api/panel/polls').send(
      openPoll({
        title: 'Children’s pulse',
        audience: { services: ['children'] },
        questions: [WELLBEING, RESEARCH_USE],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Children’s pulse', status: 'open', invited: 13 });

    // 12 active children's members (the bounce address is refused by the server), nobody else.
    const emails = await sink.waitFor(12);
    expect(new Set(emails.map((e) => e.to)).size).toBe(12);
    expect(emails.every((e) => e.to.startsWith('child-'))).toBe(true);
    expect(emails[0]?.subject).toBe('New poll: Children’s pulse');
    expect(emails[0]?.unsubscribeUrl).toMatch(/\/api\/panel\/unsubscribe\//);

    const list = await asAdmin('get', '/api/panel/polls', researcherCookie);
    expect(list.status).toBe(200);
    expect(list.body[0]).toEqual({
      id: created.body.id,
      title: 'Children’s pulse',
      status: 'open',
      opensAt: expect.any(String),
      closesAt: expect.any(String),
      invited: 13,
      responses: 0,
    });
    const progress = () => asAdmin('get', `/api/panel/polls/${created.body.id}/sending`);
    await waitUntil(async () => (await progress()).body.invitations.bounced === 1);
    expect((await progress()).body).toEqual({
      invitations: { queued: 0, sent: 12, failed: 0, bounced: 1 },
      reminders: { queued: 0, sent: 0, failed: 0, bounced: 0 },
    });
  });

  it('takes one answer per link: replays get the same receipt, others are told politely', async () => {
    const [email] = sink.to('child-0001@panel.test');
    const token = linkToken(email, '/panel/poll');
    const poll = await publicPost('/api/panel/invitation', { token });
    expect(poll.status).toBe(200);
    expect(poll.body.poll.title).toBe('Children’s pulse');
    const pages = poll.body.survey.pages as { elements: { name: string }[] }[];
    expect(pages[0]?.elements.map((e) => e.name)).toEqual(['wellbeing-fortnight', 'research-use']);

    const before = await count('SELECT count(*) AS n FROM poll_answer_intake');
    const bad = await publicPost('/api/panel/answers', {
      token,
      submissionId: randomUUID(),
      answers: { 'wellbeing-fortnight': 9, colour: 'red' },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([
      'answers.wellbeing-fortnight',
      'answers.colour',
      'answers.research-use',
    ]);
    expect(await count('SELECT count(*) AS n FROM poll_answer_intake')).toBe(before);

    const submissionId = randomUUID();
    const body = {
      token,
      submissionId,
      answers: { 'wellbeing-fortnight': 4, 'research-use': 'often' },
    };
    const first = await publicPost('/api/panel/answers', body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ submissionId });
    const replay = await publicPost('/api/panel/answers', body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ submissionId });
    const other = await publicPost('/api/panel/answers', { ...body, submissionId: randomUUID() });
    expect(other.status).toBe(409);
    expect(other.body.message).toBe('You have already answered this poll. Thank you.');
    expect((await publicPost('/api/panel/invitation', { token })).status).toBe(409);
    expect(await count('SELECT count(*) AS n FROM poll_answer_intake')).toBe(before + 1);
  });

  it('stores one answer when the same link is used 20 times at once', async () => {
    const [email] = sink.to('child-0002@panel.test');
    const token = linkToken(email, '/panel/poll');
    const before = await count('SELECT count(*) AS n FROM poll_answer_intake');
    const answers = { 'wellbeing-fortnight': 2, 'research-use': 'rarely' };
    const sameId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        publicPost('/api/panel/answers', {
          token,
          // Half are retries of one press, half are other presses (other tabs, devices).
          submissionId: i % 2 === 0 ? sameId : randomUUID(),
          answers,
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => [200, 201, 409].includes(s))).toBe(true);
    expect(await count('SELECT count(*) AS n FROM poll_answer_intake')).toBe(before + 1);
    expect(await count('SELECT count(*) AS n FROM poll_invitation WHERE used')).toBe(2);
  });

  it('refuses unknown, closed and malformed requests with 4xx, storing nothing', async () => {
    const [email] = sink.to('child-0003@panel.test');
    const token = linkToken(email, '/panel/poll');
    const answers = { 'wellbeing-fortnight': 3, 'research-use': 'never' };
    const before = await count('SELECT count(*) AS n FROM poll_answer_intake');
    const cases: [object, number][] = [
      [
        {
          token: 'N0-such-token-N0-such-token-N0-such-token-0',
          submissionId: randomUUID(),
          answers,
        },
        404,
      ],
      [{ token, submissionId: 'not-a-uuid', answers }, 400],
      [{ token, submissionId: randomUUID(), answers: 'all good' }, 400],
      [
        {
          token,
          submissionId: randomUUID(),
          answers: { 'wellbeing-fortnight': [3], 'research-use': 'never' },
        },
        400,
      ],
      [{ submissionId: randomUUID(), answers }, 400],
    ];
    for (const [body, status] of cases) {
      expect((await publicPost('/api/panel/answers', body)).status).toBe(status);
    }
    const answering = t.app.get(AnswersService);
    const afterClose = new Date(Date.now() + 11 * DAY);
    await expect(answering.submit(token, randomUUID(), answers, afterClose)).rejects.toThrow(
      'This poll has closed',
    );
    expect(await count('SELECT count(*) AS n FROM poll_answer_intake')).toBe(before);
  });

  it('reminds, once, only those who have not answered', async () => {
    const [poll] = await queryDatabase<{ id: string; remind_at: Date }>(
      t.database.url,
      `SELECT id, remind_at FROM poll WHERE title = 'Children’s pulse'`,
    );
    const before = sink.received.length;
    const report = await scheduler.tick(new Date(poll.remind_at.getTime() + 1000));
    // 12 children's members were reached; 2 have answered; the bounced address is not reminded.
    expect(report.reminders).toBe(10);
    const reminders = (await sink.waitFor(before + 10)).slice(before);
    expect(reminders.every((e) => e.subject.startsWith('Reminder: Children’s pulse'))).toBe(true);
    expect(reminders.map((e) => e.to)).not.toContain('child-0001@panel.test');
    expect(reminders.map((e) => e.to)).not.toContain('child-0002@panel.test');
    // The reminder's link works, and the invitation's link still works too.
    const reminded = reminders.find((e) => e.to === 'child-0003@panel.test');
    const [invitation] = sink.to('child-0004@panel.test');
    for (const [email, answer] of [
      [reminded, 5],
      [invitation, 4],
    ] as const) {
      const res = await publicPost('/api/panel/answers', {
        token: linkToken(email!, '/panel/poll'),
        submissionId: randomUUID(),
        answers: { 'wellbeing-fortnight': answer, 'research-use': 'sometimes' },
      });
      expect(res.status).toBe(201);
    }
    expect((await scheduler.tick(new Date(poll.remind_at.getTime() + 2000))).reminders).toBe(0);
  });

  it('shows counts while open and, after closing, distributions only for groups of K or more', async () => {
    const [poll] = await queryDatabase<{ id: string; closes_at: Date }>(
      t.database.url,
      `SELECT id, closes_at FROM poll WHERE title = 'Children’s pulse'`,
    );
    const open = await asAdmin('get', `/api/panel/polls/${poll.id}/results`, researcherCookie);
    expect(open.body).toEqual({
      status: 'open',
      invited: 13,
      responses: 4,
      responseRate: (100 * 4) / 13,
      message: 'Results are shown when the poll closes.',
    });
    // Six more answers make 10 = K.
    for (let i = 5; i <= 10; i++) {
      const [email] = sink.to(`child-${String(i).padStart(4, '0')}@panel.test`);
      await publicPost('/api/panel/answers', {
        token: linkToken(email, '/panel/poll'),
        submissionId: randomUUID(),
        answers: { 'wellbeing-fortnight': i % 2 === 0 ? 4 : 2, 'research-use': 'often' },
      });
    }
    const afterClose = new Date(poll.closes_at.getTime() + 2 * 60_000);
    await scheduler.tick(afterClose);
    expect(await count('SELECT count(*) AS n FROM poll_answer_intake')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM poll_answer')).toBe(10);
    const results = await t.app.get(PanelResultsService).results(poll.id, afterClose);
    if (results.status !== 'closed') throw new Error('expected closed results');
    expect(results.responses).toBe(10);
    const [wellbeing, research] = results.questions;
    // 10 answers: 1–5 as answered would show groups under 10; the declared two-way split cannot
    // be safe either (5 and 5); the overall distribution is hidden and says why.
    expect(wellbeing?.overall).toMatchObject({ suppressed: true });
    // 7 of 10 answered "often": the 3 others would be a group under K, as answered or split.
    expect(research?.overall.suppressed).toBe(true);
    for (const breakdown of wellbeing?.breakdowns ?? []) {
      for (const group of breakdown.groups) expect(group.distribution.suppressed).toBe(true);
    }
  });

  it('asks a question again in a later poll and draws its trend, unweighted and raked', async () => {
    const [question] = await queryDatabase<{ id: string }>(
      t.database.url,
      `SELECT id FROM panel_question WHERE name = 'wellbeing-fortnight'`,
    );
    await insertMembers(t.database.url, 'trend', 30, (i) => ({
      service: 'adults',
      region: i % 3 === 0 ? 'London' : 'North West',
      role: i % 2 === 0 ? 'social-worker' : 'team-manager',
    }));
    const created = await asAdmin('post', '/api/panel/polls').send(
      openPoll({
        title: 'Adults’ pulse',
        audience: { services: ['adults'] },
        questions: [{ reuse: question.id }],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.questions[0].id).toBe(question.id);
    // A new question may not take an existing name.
    const clash = await asAdmin('post', '/api/panel/polls').send(
      openPoll({ questions: [WELLBEING] }),
    );
    expect(clash.status).toBe(400);
    expect(clash.body.errors[0].field).toBe('questions[0].name');

    const invitations = await sink.waitForTo('trend-0030@panel.test');
    expect(invitations).toHaveLength(1);
    for (let i = 1; i <= 30; i++) {
      const [email] = sink.to(`trend-${String(i).padStart(4, '0')}@panel.test`);
      const res = await publicPost('/api/panel/answers', {
        token: linkToken(email, '/panel/poll'),
        submissionId: randomUUID(),
        answers: { 'wellbeing-fortnight': i <= 12 ? 5 : i <= 20 ? 3 : 1 },
      });
      expect(res.status).toBe(201);
    }
    const results = t.app.get(PanelResultsService);
    const afterClose = new Date(Date.now() + 11 * DAY);
    const trend = await results.trend(question.id, 'membership', afterClose);
    expect(trend.points.map((p) => p.poll.title)).toEqual(['Children’s pulse', 'Adults’ pulse']);
    const [, adults] = trend.points;
    expect(adults?.n).toBe(30);
    expect(adults?.unweighted?.percentage).toBeCloseTo(40, 10);
    expect(adults?.unweighted?.designEffect).toBe(1);
    expect(adults?.weighted?.designEffect).toBeGreaterThanOrEqual(1);
    expect(adults?.weighted?.lower).toBeLessThan(adults?.weighted?.percentage ?? 0);

    const repeated = await asAdmin('get', '/api/panel/questions/repeated', researcherCookie);
    expect(repeated.body).toEqual([
      { question: expect.objectContaining({ id: question.id }), polls: 2 },
    ]);
    const margins = await asAdmin('put', '/api/panel/trend-margins').send({
      region: { London: 1, Mars: 2 },
    });
    expect(margins.status).toBe(400);
    expect(fieldsOf(margins.body)).toEqual(['region.Mars', 'region']);
  });

  it('counts members by status, region, role and employer, and never lists them', async () => {
    const res = await asAdmin('get', '/api/panel/members/counts');
    expect(res.status).toBe(200);
    expect(res.body.byStatus).toEqual([
      { key: 'active', count: 48 },
      { key: 'paused', count: 2 },
      { key: 'pending', count: 2 },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('@');
  });
});
