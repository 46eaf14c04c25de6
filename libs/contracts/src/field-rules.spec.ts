import { isStaffRoleName } from './auth';
import { GSS_CODE_PATTERN, isEmailAddress, isGssCode, isUuid } from './field-rules';
import { isServiceKind } from './survey';

/** `check` says yes to each of `accepted` and no to each of `rejected` (a failure lists the misjudged). */
function expectRule(
  check: (text: string) => boolean,
  accepted: readonly string[],
  rejected: readonly string[],
): void {
  expect(accepted.filter((text) => !check(text))).toEqual([]);
  expect(rejected.filter((text) => check(text))).toEqual([]);
}

describe('field rules', () => {
  it('takes English GSS codes in either case and nothing else', () => {
    expectRule(
      (code) => GSS_CODE_PATTERN.test(code),
      ['E06000001', 'e09000033', 'E10000002'],
      ['W06000001', 'E0600000', 'E060000011', ' E06000001', 'E06-00001', ''],
    );
  });

  it('accepts an email address with spaces around it, not one with spaces inside', () => {
    expectRule(
      isEmailAddress,
      ['  jo.bloggs@council.gov.uk '],
      ['jo bloggs@council.gov.uk', 'jo@council', '@council.gov.uk', 'jo@@x.uk', ''],
    );
  });

  it('checks GSS codes in addresses with the same pattern', () => {
    expectRule(isGssCode, ['e06000001'], ['E0600000']);
  });

  it('takes UUIDs of any version in either case, and nothing else', () => {
    expectRule(
      isUuid,
      [
        'a7c1e9b0-3d2f-4e6a-8b5c-1f0e9d8c7b6a',
        '00000000-0000-4000-8000-000000000000',
        'A7C1E9B0-3D2F-1E6A-8B5C-1F0E9D8C7B6A',
      ],
      [
        'not-a-uuid',
        'a7c1e9b0-3d2f-4e6a-8b5c-1f0e9d8c7b6',
        ' a7c1e9b0-3d2f-4e6a-8b5c-1f0e9d8c7b6a',
        "1' OR '1'='1",
        '',
      ],
    );
  });

  it('knows the services and the staff roles, and nothing else', () => {
    expectRule(isServiceKind, ['children', 'adults'], ['teachers', 'Children', '']);
    expectRule(isStaffRoleName, ['admin', 'psw', 'researcher'], ['boss', 'Admin']);
  });
});
