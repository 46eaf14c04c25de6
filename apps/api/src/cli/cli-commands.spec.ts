import { parseCsv } from '@swhc/csv';
import { ConflictError, InvalidInputError } from '../common/errors';
import { CliError, cliErrorOf, parseCliArgs } from './cli-commands';

/** The error parseCliArgs throws for `argv`, checked to be a usage error (exit code 2). */
function usageErrorOf(argv: readonly string[]): CliError {
  let caught: unknown;
  try {
    parseCliArgs(argv);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CliError);
  expect((caught as CliError).exitCode).toBe(2);
  return caught as CliError;
}

describe('api CLI arguments', () => {
  it('reads create-admin --email in both spellings', () => {
    expect(parseCliArgs(['create-admin', '--email', 'a@b.test'])).toEqual({
      kind: 'create-admin',
      email: 'a@b.test',
    });
    expect(parseCliArgs(['create-admin', '--email=a@b.test'])).toEqual({
      kind: 'create-admin',
      email: 'a@b.test',
    });
  });

  it('never takes a password as an argument (it would end up in shell history)', () => {
    expect(() => parseCliArgs(['create-admin', '--email', 'a@b.test', '--password', 'x'])).toThrow(
      /unexpected argument "--password"/,
    );
  });

  it('explains usage errors with exit code 2', () => {
    const usageErrors = [
      ['create-admin'],
      ['create-admin', '--email'],
      ['create-admin', '--email', 'a@b.test', 'extra'],
      ['import-organisations'],
      ['import-organisations', 'a.csv', 'b.csv'],
      ['import-organisations', '--dry-run', 'a.csv'],
      ['frobnicate'],
    ];
    for (const argv of usageErrors) {
      expect(usageErrorOf(argv).message).toMatch(/Usage: npm run -s api:cli/);
    }
  });

  it('shows help without a command', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('reads the wave commands', () => {
    expect(
      parseCliArgs([
        'create-wave',
        '--name',
        'HC 2027',
        '--opens',
        '2027-03-01',
        '--closes',
        '2027-03-31',
      ]),
    ).toMatchObject({ kind: 'create-wave', services: ['children', 'adults'], draft: false });
    expect(parseCliArgs(['enrol', '--wave', 'HC 2027', '--gss', 'E06000001, E06000002'])).toEqual({
      kind: 'enrol',
      wave: 'HC 2027',
      request: { scope: 'list', gssCodes: ['E06000001', 'E06000002'] },
    });
    expect(
      parseCliArgs(['enrol', '--wave', 'HC', '--region', 'London', '--services', 'adults']),
    ).toEqual({
      kind: 'enrol',
      wave: 'HC',
      request: { scope: 'region', region: 'London', services: ['adults'] },
    });
    expect(
      parseCliArgs([
        'list-links',
        '--wave',
        'HC',
        '--format',
        'csv',
        '--base-url',
        'https://x.test/',
      ]),
    ).toEqual({ kind: 'list-links', wave: 'HC', baseUrl: 'https://x.test' });
  });

  it('answers every usage error of the wave commands with exit code 2 and a first line naming it', () => {
    for (const [argv, first] of [
      [['enrol', '--wave', 'x'], /^enrol needs exactly one of/],
      [['enrol', '--wave', 'x', '--all', '--region', 'London'], /^enrol needs exactly one of/],
      [['enrol', '--all'], /^enrol needs --wave/],
      [['list-links', '--wave', 'x'], /^list-links needs --format csv/],
      [
        ['list-links', '--wave', 'x', '--format', 'csv', '--base-url', 'ftp://x'],
        /^list-links: --base-url/,
      ],
      [['create-wave', '--name', 'x', '--opens', '2031-01-01'], /^create-wave needs --closes/],
      [
        ['create-wave', '--name', 'x', '--opens', 'a', '--closes', 'b', '--services', 'teachers'],
        /^create-wave: --services/,
      ],
      [['close-wave', '--wave', 'x', '--force'], /^close-wave: Unknown option '--force'/],
      [['close-wave', 'x'], /^close-wave: unexpected argument "x"/],
    ] as const) {
      expect(usageErrorOf(argv).message.split('\n')[0]).toMatch(first);
    }
  });

  it('takes one CSV file for import-organisations', () => {
    expect(parseCliArgs(['import-organisations', 'las.csv'])).toEqual({
      kind: 'import-organisations',
      file: 'las.csv',
    });
  });
});

describe('api CLI errors', () => {
  it("prints the api's expected errors as the sentences a client would get", () => {
    const invalid = InvalidInputError.of(
      'The password is not valid',
      'password',
      'must be at least 12 characters',
    );
    expect(cliErrorOf(invalid)?.message).toBe(
      'The password is not valid: password must be at least 12 characters',
    );
    expect(
      cliErrorOf(new ConflictError('An account with this email already exists'))?.message,
    ).toBe('An account with this email already exists');
  });

  it('names the line of a file the CSV reader rejects, without a stack trace', () => {
    let thrown: unknown;
    try {
      parseCsv('gss_code,name\nE06000001\n');
    } catch (error) {
      thrown = error;
    }
    const error = cliErrorOf(thrown);
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toBe(
      'The CSV file is not valid: file line 2 has 1 fields but the header has 2',
    );
  });

  it('leaves unexpected errors alone, so they are printed in full', () => {
    expect(cliErrorOf(new TypeError('x is undefined'))).toBeNull();
  });
});
