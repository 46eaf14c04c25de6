import { act } from 'react';
import { staffSession } from '../../app/staff-session';
import { closePage, eventually, headingIs, openPage, typeInto } from '../../test-support/pages';
import { answerFetch, jsonResponse } from '../../test-support/responses';
import { route } from './sign-in-page';

const routes = [
  { path: '/sign-in', ...route },
  { path: '/research', element: <h1>Research</h1> },
];

afterEach(closePage);
beforeEach(() => staffSession.forget());

describe('the sign-in page', () => {
  it('after showing errors, lets the person type without the summary taking focus back', async () => {
    answerFetch(() => Promise.resolve(jsonResponse(401, { message: 'Sign in' })));
    const page = openPage(routes, '/sign-in');
    await headingIs(page, 'Sign in');
    act(() => page.button('Sign in').click());
    const summary = () => page.container.querySelector<HTMLElement>('.app-error-summary');
    await eventually(() => expect(document.activeElement).toBe(summary()));

    const email = page.container.querySelector<HTMLInputElement>('#email');
    if (!email) throw new Error('no email field');
    act(() => email.focus());
    typeInto(email, 'jo@council.gov.uk');
    expect(document.activeElement).toBe(email);
    expect(email.value).toBe('jo@council.gov.uk');
  });

  it('signs in, records who is signed in and goes on to where they land', async () => {
    const researcher = { email: 'r@council.test', role: 'researcher', organisations: [] };
    const fetchFn = answerFetch((url) =>
      Promise.resolve(
        url === '/api/auth/login'
          ? jsonResponse(200, researcher)
          : jsonResponse(401, { message: 'Sign in' }),
      ),
    );
    const page = openPage(routes, '/sign-in');
    await headingIs(page, 'Sign in');
    const field = (id: string) => page.container.querySelector<HTMLInputElement>(`#${id}`);
    typeInto(field('email') as HTMLInputElement, ' r@council.test ');
    typeInto(field('password') as HTMLInputElement, 'a password');
    act(() => page.button('Sign in').click());
    await headingIs(page, 'Research');
    expect(page.router.state.location.pathname).toBe('/research');
    expect(staffSession.current()).toEqual({ status: 'signed-in', staff: researcher });
    const login = fetchFn.mock.calls.find(([url]) => url === '/api/auth/login');
    expect(JSON.parse(login?.[1]?.body as string)).toEqual({
      email: 'r@council.test',
      password: 'a password',
    });
  });
});
