import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runInProcess, smallCfa } from '../testing/run-in-process';

const DATA = join(FIXTURES, 'survey-small.csv');
const MODEL = join(FIXTURES, 'two-factor.lav');
const scratch = mkdtempSync(join(tmpdir(), 'hc-stats-'));

function csvFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** A failed run: non-zero status, nothing on stdout, exactly one line on stderr matching `message`. */
function expectFailure(argv: string[], message: RegExp, status = 1): void {
  const run = runInProcess(argv);
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^hc-stats: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
}

describe('hc-stats help', () => {
  it('lists every command with --help and with no arguments', () => {
    for (const argv of [['--help'], []]) {
      const run = runInProcess(argv);
      expect(run.status).toBe(0);
      for (const name of [
        'alpha',
        'omega',
        'cfa',
        'invariance',
        'rake',
        'drivers',
        'compare',
        'funnel',
      ]) {
        expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
      }
    }
  });

  it('shows a command’s flags with <command> --help', () => {
    const run = runInProcess(['cfa', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--model M.lav');
    expect(run.stdout).toContain('--group-equal loadings[,intercepts]');
  });
});

describe('hc-stats errors: non-zero exit and one clear line on stderr', () => {
  it('unknown command', () => {
    expectFailure(['alfa', '--data', DATA], /unknown command 'alfa'/, 2);
  });

  it('bad flag', () => {
    expectFailure(['alpha', '--data', DATA, '--itmes', 'q1,q2'], /unknown flag --itmes/, 2);
  });

  it('missing required flag', () => {
    expectFailure(
      ['drivers', '--data', DATA, '--outcome', 'overall'],
      /missing required flag --predictors/,
      2,
    );
  });

  it('unreadable data file', () => {
    expectFailure(
      ['alpha', '--data', join(scratch, 'nope.csv'), '--items', 'q1,q2'],
      /cannot read file '.*nope\.csv': no such file/,
    );
  });

  it('unreadable model file', () => {
    expectFailure(
      ['cfa', '--data', DATA, '--model', join(scratch, 'nope.lav')],
      /cannot read file '.*nope\.lav'/,
    );
  });

  it('malformed CSV', () => {
    const path = csvFile('ragged.csv', 'a,b\n1,2\n3\n');
    expectFailure(
      ['alpha', '--data', path, '--items', 'a,b'],
      /is not valid CSV: line 3 has 1 fields/,
    );
  });

  it('unknown column', () => {
    expectFailure(
      ['alpha', '--data', DATA, '--items', 'q1,q9'],
      /unknown column 'q9' \(the file has: id, site/,
    );
  });

  it('non-numeric value', () => {
    expectFailure(
      ['alpha', '--data', DATA, '--items', 'q1,team'],
      /non-numeric value 'Hull' in column 'team' at data row 1/,
    );
  });

  it('reverse item that is not an item', () => {
    expectFailure(
      ['alpha', '--data', DATA, '--items', 'q1,q2', '--reverse', 'q3'],
      /--reverse names 'q3'/,
      2,
    );
  });

  it('constant item', () => {
    const path = csvFile('constant.csv', 'a,b,c\n1,3,2\n2,3,4\n3,3,5\n4,3,3\n');
    expectFailure(
      ['alpha', '--data', path, '--items', 'a,b,c'],
      /constant|zero variance|no variance/i,
    );
  });

  it('too few rows', () => {
    const path = csvFile('one-row.csv', 'a,b,c\n1,2,3\n');
    expectFailure(['alpha', '--data', path, '--items', 'a,b,c'], /^hc-stats: too few rows: /);
  });

  it('a header without data rows', () => {
    const path = csvFile('header-only.csv', 'a,b,c\n');
    expectFailure(['alpha', '--data', path, '--items', 'a,b'], /has a header but no data rows/);
  });

  it('group that does not occur', () => {
    expectFailure(
      ['compare', '--data', DATA, '--value', 'overall', '--by', 'sex', '--groups', 'female,other'],
      /group 'other' does not occur in column 'sex'/,
    );
  });

  it('--group-equal without --group, and an unknown choice', () => {
    expectFailure(smallCfa('--group-equal', 'loadings'), /--group-equal needs --group/, 2);
    expectFailure(
      smallCfa('--group', 'site', '--group-equal', 'regressions'),
      /takes loadings, intercepts, means, residuals, residual\.covariances, lv\.variances, lv\.covariances, not 'regressions'/,
      2,
    );
  });

  it('model syntax error', () => {
    const path = csvFile('bad.lav', 'f1 =~ q1 + q2 + q3\nf2 ~ q4\n');
    expectFailure(['cfa', '--data', DATA, '--model', path], /model syntax, line 2/);
  });

  it('non-convergence: raking to margins the sample can meet only in the limit', () => {
    // 2 f and 2 young with one (f, young) row force the (f, old) weight to 0: IPF creeps, never settles.
    const data = csvFile('creeping.csv', 'sex,age\nf,young\nf,old\nm,old\n');
    const margins = csvFile(
      'creeping.json',
      '{"sex": {"f": 2, "m": 1}, "age": {"young": 2, "old": 1}}',
    );
    expectFailure(
      ['rake', '--data', data, '--margins', margins],
      /raking did not converge in 100 passes/,
    );
  });

  it('margins whose totals disagree', () => {
    const margins = csvFile(
      'clash.json',
      '{"sex": {"female": 600, "male": 400}, "age_band": {"18-34": 100, "35-49": 100, "50+": 100}}',
    );
    expectFailure(
      ['rake', '--data', DATA, '--margins', margins],
      /the margins must have the same total/,
    );
  });

  it('a number too large for a double (1e999) is not a finite number', () => {
    const path = csvFile('huge.csv', 'a,b,c\n1,2,3\n2,1e999,4\n3,2,2\n4,3,1\n');
    expectFailure(
      ['alpha', '--data', path, '--items', 'a,b,c'],
      /^hc-stats: value '1e999' in column 'b' at data row 2 is not a finite number\n$/,
    );
  });

  it('compare names the group as the user did', () => {
    const path = csvFile('one-male.csv', 'sex,score\nfemale,3\nfemale,4\nfemale,5\nmale,4\n');
    expectFailure(
      ['compare', '--data', path, '--value', 'score', '--by', 'sex', '--groups', 'female,male'],
      /^hc-stats: too few rows: Group "male" needs at least 2 usable value\(s\), got 1\.\n$/,
    );
    expectFailure(
      ['compare', '--data', path, '--value', 'score', '--by', 'sex', '--groups', 'male,female'],
      /Group "male" needs at least 2/,
    );
  });

  it('a UTF-16 file is recognised and named as such', () => {
    const path = join(scratch, 'utf16.csv');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]),
    );
    expectFailure(
      ['alpha', '--data', path, '--items', 'a,b'],
      /^hc-stats: '.*utf16\.csv' is UTF-16 \(little-endian\) text; hc-stats reads UTF-8/,
    );
    const noBom = join(scratch, 'utf16-nobom.csv');
    writeFileSync(noBom, Buffer.from('a,b\n1,2\n3,4\n', 'utf16le'));
    expectFailure(['alpha', '--data', noBom, '--items', 'a,b'], /is UTF-16 \(little-endian\) text/);
  });

  it('an all-blank item is named as empty', () => {
    const path = csvFile('blank.csv', 'a,b,c\n1,,3\n2,,4\n3,,2\n4,,1\n');
    expectFailure(
      ['alpha', '--data', path, '--items', 'a,b,c'],
      /^hc-stats: Item "b" has no answers: every value is missing \(an empty column\?\)\.\n$/,
    );
    const model = csvFile('blank.lav', 'f =~ a + b + c\n');
    expectFailure(
      ['cfa', '--data', path, '--model', model],
      /^hc-stats: the variable 'b' has no values: every cell is empty\n$/,
    );
  });

  it("'~=' is a syntax error, not an unsupported regression", () => {
    const path = csvFile('tilde.lav', 'f1 ~= q1 + q2 + q3\n');
    expectFailure(
      ['cfa', '--data', DATA, '--model', path],
      /^hc-stats: model syntax, line 1: '~=' is not an operator of the model syntax \(a factor is defined with '=~'/,
    );
  });

  it('a rake margin is named by its variable', () => {
    const margins = csvFile(
      'extra-level.json',
      '{"sex": {"female": 600, "male": 300, "other": 100}, "age_band": {"18-34": 300, "35-49": 400, "50+": 300}}',
    );
    expectFailure(
      ['rake', '--data', DATA, '--margins', margins],
      /^hc-stats: Margin level "other" of sex has no rows in the data\.\n$/,
    );
  });

  it('a group with fewer rows than variables says so', () => {
    let seed = 7;
    const answer = (): number => {
      seed = (seed * 48271) % 2147483647;
      return (seed % 5) + 1;
    };
    const rows = ['g,q1,q2,q3,q4,q5,q6'];
    for (let i = 0; i < 44; i++) {
      const answers = Array.from({ length: 6 }, answer).join(',');
      rows.push(`${i < 40 ? 'A' : 'B'},${answers}`);
    }
    const path = csvFile('small-group.csv', `${rows.join('\n')}\n`);
    expectFailure(
      ['cfa', '--data', path, '--model', MODEL, '--group', 'g'],
      /^hc-stats: group 'B' has 4 complete row\(s\) for 6 observed variables: a covariance matrix of 6 variables needs more rows than variables \(at least 7\)\n$/,
    );
  });

  it('--overdispersion takes none, multiplicative or additive', () => {
    expectFailure(
      ['funnel', '--data', DATA, '--value', 'overall', '--unit', 'team', '--overdispersion', 'big'],
      /--overdispersion takes none, multiplicative, additive, not 'big'/,
      2,
    );
  });

  it('--group-partial needs --group, and names a parameter of the model', () => {
    expectFailure(smallCfa('--group-partial', 'q2~1'), /--group-partial needs --group/, 2);
    expectFailure(
      smallCfa('--group', 'site', '--group-equal', 'intercepts', '--group-partial', 'q9~1'),
      /group\.partial: 'q9~1' is not a parameter of the model/,
    );
  });

  it('margin level missing from the margins file', () => {
    const margins = csvFile('partial.json', '{"sex": {"female": 600}}');
    expectFailure(
      ['rake', '--data', DATA, '--margins', margins],
      /level 'male' of column 'sex' .* has no count/,
    );
  });
});
