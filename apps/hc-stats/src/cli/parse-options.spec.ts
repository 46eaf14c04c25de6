import { parseOptions, type FlagSpec } from './parse-options';

const specs: FlagSpec[] = [
  { name: 'data', kind: 'value', required: true, help: '' },
  { name: 'items', kind: 'value', required: false, help: '' },
  { name: 'timing', kind: 'switch', required: false, help: '' },
  { name: 'help', kind: 'switch', required: false, help: '' },
];

describe('parseOptions', () => {
  it('reads --name value, --name=value and switches', () => {
    const options = parseOptions(['--data', 'a.csv', '--items=x,y', '--timing'], specs);
    expect(options.required('data')).toBe('a.csv');
    expect(options.list('items')).toEqual(['x', 'y']);
    expect(options.has('timing')).toBe(true);
    expect(options.has('help')).toBe(false);
  });

  it('trims list entries and rejects empty or repeated ones', () => {
    expect(parseOptions(['--data', 'f', '--items', ' a , b'], specs).list('items')).toEqual([
      'a',
      'b',
    ]);
    expect(() => parseOptions(['--data', 'f', '--items', 'a,,b'], specs).list('items')).toThrow(
      /empty entry/,
    );
    expect(() => parseOptions(['--data', 'f', '--items', 'a,b,a'], specs).list('items')).toThrow(
      "--items lists 'a' twice",
    );
  });

  it.each([
    [['--data', 'f', '--bogus', '1'], /unknown flag --bogus/],
    [['--data'], /--data needs a value/],
    [['--data', '--timing'], /--data needs a value/],
    [['--data', 'f', '--data', 'g'], /--data given twice/],
    [['--timing=yes', '--data', 'f'], /--timing takes no value/],
    [['--items', 'a'], /missing required flag --data/],
    [['data.csv'], /unexpected argument 'data.csv'/],
  ])('rejects %p', (argv, message) => {
    expect(() => parseOptions(argv, specs)).toThrow(message);
  });

  it('marks command-line mistakes with exit code 2', () => {
    try {
      parseOptions(['--nope'], specs);
      throw new Error('expected a CliError');
    } catch (error) {
      expect(error).toMatchObject({ name: 'CliError', exitCode: 2 });
    }
  });

  it('does not demand required flags when --help is given', () => {
    expect(parseOptions(['--help'], specs).has('help')).toBe(true);
  });
});
