import { act } from 'react';
import { closePage, eventually, headingIs, openPage } from '../test-support/pages';
import { answerFetch, jsonResponse } from '../test-support/responses';
import { routes } from './router';
import { staffSession } from './staff-session';

const ADMIN = { email: 'admin@council.test', role: 'admin', organisations: [] };
const PSW = {
  email: 'psw@council.test',
  role: 'psw',
  organisations: [{ gssCode: 'E06000001', name: 'Hartlepool' }],
};
const ACCOUNT_ID = 'a7c1e9b0-3d2f-4e6a-8b5c-1f0e9d8c7b6a';

/**
 * The api as these tests need it: `answers` by path (without the query); anything else is a 500.
 * Returns the addresses asked for, in order.
 */
function api(answers: Record<string, () => Response>): string[] {
  const asked: string[] = [];
  answerFetch((url) => {
    asked.push(url);
    const answer = answers[url.split('?')[0] ?? ''];
    return Promise.resolve(answer ? answer() : jsonResponse(500, { message: 'unexpected' }));
  });
  return asked;
}
/** What a page asked for, beside the header's "who is signed in". */
const pageAskedFor = (asked: string[]) => asked.filter((url) => url !== '/api/auth/me');

afterEach(closePage);
beforeEach(() => staffSession.forget());
const open = (path: string) => openPage(routes, path);

describe('pages and their loaders', () => {
  it.each([
    ['/la/not-a-code', 'a malformed GSS code'],
    ['/la/E06000001?wave=not-a-uuid', 'a malformed wave id'],
    ['/la/E06000001?service=teachers', 'an unknown service'],
  ])('shows "Report not found" for %s (%s), without asking the api', async (path) => {
    const asked = api({});
    const page = open(path);
    await headingIs(page, 'Report not found');
    expect(pageAskedFor(asked)).toEqual([]);
  });

  it('asks the api for a well-formed report address, lower-case GSS code and all', async () => {
    const asked = api({
      '/api/organisations/e06000001/report': () => jsonResponse(401, { message: 'Sign in' }),
    });
    const page = open('/la/e06000001?service=adults');
    await headingIs(page, 'Sign in to see this report');
    expect(pageAskedFor(asked)).toEqual(['/api/organisations/e06000001/report?service=adults']);
  });

  it('shows "Account not found" for a malformed account id without asking for it, and for an unknown one', async () => {
    const asked = api({
      '/api/auth/me': () => jsonResponse(200, ADMIN),
      '/api/admin/organisations': () => jsonResponse(200, []),
      [`/api/admin/accounts/${ACCOUNT_ID}`]: () =>
        jsonResponse(404, { message: 'No such staff account', errors: [] }),
    });
    const malformed = open('/admin/accounts/not-a-uuid');
    await headingIs(malformed, 'Account not found');
    expect(asked.filter((url) => url.startsWith('/api/admin/accounts'))).toEqual([]);

    const unknown = open(`/admin/accounts/${ACCOUNT_ID}`);
    await headingIs(unknown, 'Account not found');
    expect(asked).toContain(`/api/admin/accounts/${ACCOUNT_ID}`);
  });

  it('shows one account from GET /api/admin/accounts/{id}, not the whole list', async () => {
    const account = {
      id: ACCOUNT_ID,
      email: 'jo@council.test',
      role: 'researcher',
      organisations: [],
      disabledAt: null,
      createdAt: '2026-01-02T10:00:00.000Z',
    };
    const asked = api({
      '/api/auth/me': () => jsonResponse(200, ADMIN),
      '/api/admin/organisations': () => jsonResponse(200, []),
      [`/api/admin/accounts/${ACCOUNT_ID}`]: () => jsonResponse(200, account),
    });
    const page = open(`/admin/accounts/${ACCOUNT_ID}`);
    await headingIs(page, 'jo@council.test');
    expect(asked).not.toContain('/api/admin/accounts');
  });

  it('sends someone signed out to sign in, and back afterwards', async () => {
    api({ '/api/auth/me': () => jsonResponse(401, { message: 'Sign in' }) });
    const page = open('/admin/settings');
    await headingIs(page, 'Sign in');
    expect(page.router.state.location.pathname).toBe('/sign-in');
    expect(page.router.state.location.search).toBe('?next=%2Fadmin%2Fsettings');
  });

  it('tells a PSW an admin page is not for them, without asking the api for its data', async () => {
    const asked = api({ '/api/auth/me': () => jsonResponse(200, PSW) });
    const page = open('/admin/accounts');
    await headingIs(page, 'You do not have permission to see this page');
    expect(asked).toEqual(['/api/auth/me']);
  });

  it('says so when it cannot check who is signed in, and tries again on request', async () => {
    let me = () => jsonResponse(503, {});
    api({
      '/api/auth/me': () => me(),
      '/api/admin/settings': () =>
        jsonResponse(200, { minimumGroupSize: 10, lowestMinimumGroupSize: 5 }),
    });
    const page = open('/admin/settings');
    await headingIs(page, 'Sorry, there is a problem with the service');
    expect(page.container.textContent).toContain('We could not check who is signed in.');
    me = () => jsonResponse(200, ADMIN);
    act(() => page.button('Try again').click());
    await eventually(() =>
      expect(page.container.querySelector('label')?.textContent).toBe('Minimum group size'),
    );
  });

  it('shows a service problem (not a crash) when a page’s data cannot be loaded', async () => {
    api({ '/api/auth/me': () => jsonResponse(200, ADMIN) });
    const page = open('/admin/audit');
    await headingIs(page, 'Sorry, there is a problem with the service');
    expect(page.container.textContent).toContain('Try again in a few minutes.');
  });

  it('shows the unknown and closed link pages for a survey link the api does not know or has closed', async () => {
    api({
      '/api/surveys/nope': () => jsonResponse(404, { message: 'Not found' }),
      '/api/surveys/old': () => jsonResponse(410, { message: 'Closed' }),
    });
    await headingIs(open('/s/nope'), 'We do not recognise this survey link');
    await headingIs(open('/s/old'), 'This survey has closed');
  });

  it('shows "Page not found" for an address the app does not have', async () => {
    api({ '/api/auth/me': () => jsonResponse(401, {}) });
    await headingIs(open('/no/such/page'), 'Page not found');
  });
});
