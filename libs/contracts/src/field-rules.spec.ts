import { isStaffRoleName } from './auth';
import { GSS_CODE_PATTERN, isEmailAddress, isGssCode, isUuid } from './field-rules';
import { isServiceKind } from './survey';

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

  it('checks GSS codes in addresses with the same pattern', () => {
    expect(isGssCode('e06000001')).toBe(true);
    expect(isGssCode('E0600000')).toBe(false);
  });

  it('takes UUIDs of any version in either case, and nothing else', () => {
    for (const id of [
      'a7c1e9b0-3d2f-4e6a-8b5c-1f0e9d8c7b6a',
      '00000000-0000-4000-8000-000000000000',
      'A7C1E9B0-3D2F-1E6A-8B5C-1F0E9D8C7B6A',
    ]) {
      expect(isUuid(id)).toBe(true);
    }
    for (const id of [
      'not-a-uuid',
      'a7c1e9b0-3d2f-4e6a-8b5c-1f0e9d8c7b6',
      ' a7c1e9b0-3d2f-4e6a-8b5c-1f0e9d8c7b6a',
      "1' OR '1'='1",
      '',
    ]) {
      expect(isUuid(id)).toBe(false);
    }
  });

  it('knows the services and the staff roles, and nothing else', () => {
    expect(['children', 'adults', 'teachers', 'Children', ''].map(isServiceKind)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(['admin', 'psw', 'researcher', 'boss', 'Admin'].map(isStaffRoleName)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
