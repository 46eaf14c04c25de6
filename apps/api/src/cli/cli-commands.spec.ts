import { CliError, parseCliArgs } from './cli-commands';

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
    for (const argv of [['create-admin'], ['import-organisations'], ['frobnicate']]) {
      let caught: unknown;
      try {
        parseCliArgs(argv);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CliError);
      expect((caught as CliError).exitCode).toBe(2);
      expect((caught as CliError).message).toMatch(/Usage: npm run -s api:cli/);
    }
  });

  it('shows help without a command', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('takes one CSV file for import-organisations', () => {
    expect(parseCliArgs(['import-organisations', 'las.csv'])).toEqual({
      kind: 'import-organisations',
      file: 'las.csv',
    });
  });
});
