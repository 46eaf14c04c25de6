import { GSS_CODE_PATTERN, isEmailAddress } from './field-rules';

describe('field rules', () => {
  it('takes English GSS codes in either case and nothing else', () => {
    for (const code of ['E06000001', 'e09000033', 'E10000002']) {
      expect(GSS_CODE_PATTERN.test(code)).toBe(true);
    }
    for (const code of ['W06000001', 'E0600000', 'E060000011', ' E06000001', 'E06-00001', '']) {
      expect(GSS_CODE_PATTERN.test(code)).toBe(false);
    }
  });

  it('accepts an email address with spaces around it, not one with spaces inside', () => {
    expect(isEmailAddress('  jo.bloggs@council.gov.uk ')).toBe(true);
    for (const text of [
      'jo bloggs@council.gov.uk',
      'jo@council',
      '@council.gov.uk',
      'jo@@x.uk',
      '',
    ]) {
      expect(isEmailAddress(text)).toBe(false);
    }
  });
});
