import { validateSignIn } from './sign-in-page';
import { landingPathFor, safeNextPath } from './after-sign-in';

describe('sign-in form checks', () => {
  it('asks for both fields in GOV.UK words', () => {
    expect(validateSignIn('', '')).toEqual({
      email: 'Enter your email address',
      password: 'Enter your password',
    });
  });

  it('checks the email format but accepts surrounding spaces', () => {
    expect(validateSignIn('not-an-email', 'x').email).toBe(
      'Enter an email address in the correct format, like name@example.com',
    );
    expect(validateSignIn('  jo@council.gov.uk ', 'x')).toEqual({});
  });

  it('never judges the password beyond its presence (the server decides)', () => {
    expect(validateSignIn('jo@council.gov.uk', ' ')).toEqual({});
  });
});

describe('after sign-in', () => {
  it('sends a PSW to their first LA, an admin to /admin and a researcher to /research', () => {
    const psw = {
      email: 'p@la.gov.uk',
      role: 'psw' as const,
      organisations: [
        { gssCode: 'E06000001', name: 'Hartlepool' },
        { gssCode: 'E06000002', name: 'Middlesbrough' },
      ],
    };
    expect(landingPathFor(psw)).toBe('/la/E06000001');
    expect(landingPathFor({ email: 'a@x.uk', role: 'admin', organisations: [] })).toBe('/admin');
    expect(landingPathFor({ email: 'r@x.uk', role: 'researcher', organisations: [] })).toBe(
      '/research',
    );
  });

  it('follows `next` only to a path on this site', () => {
    expect(safeNextPath('/admin/settings')).toBe('/admin/settings');
    expect(safeNextPath('/la/E06000001?wave=x')).toBe('/la/E06000001?wave=x');
    for (const bad of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'admin',
      '/sign-in?next=/x',
    ])
      expect(safeNextPath(bad)).toBeNull();
  });
});
