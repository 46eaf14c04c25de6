import { parseMarginsFile } from './margins-file';

describe('parseMarginsFile', () => {
  it('keeps columns and levels in file order', () => {
    const margins = parseMarginsFile(
      '{"sex": {"female": 60, "male": 40}, "age": {"50+": 100}}',
      'm.json',
    );
    expect([...margins.keys()]).toEqual(['sex', 'age']);
    expect([...(margins.get('sex') ?? new Map<string, number>())]).toEqual([
      ['female', 60],
      ['male', 40],
    ]);
  });

  it.each([
    ['{not json', /'m.json' is not valid JSON/],
    ['[1, 2]', /must be an object/],
    ['{}', /must be an object/],
    ['{"sex": 3}', /margin of 'sex' must be an object/],
    ['{"sex": {}}', /margin of 'sex' must be an object/],
    ['{"sex": {"f": -1}}', /count for sex = 'f' must be a positive number, got -1/],
    ['{"sex": {"f": "10"}}', /must be a positive number, got "10"/],
    ['{"sex": {"f": 6, "m": 4}, "age": {"young": 5, "old": 6}}', /same total, got sex 10, age 11/],
  ])('rejects %p', (text, message) => {
    expect(() => parseMarginsFile(text, 'm.json')).toThrow(message);
  });
});
