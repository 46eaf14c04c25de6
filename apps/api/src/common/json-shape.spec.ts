import { jsonDepthExceeds, jsonShapeErrors } from './json-shape';

const text = (s: string) => Buffer.from(s, 'utf8');

describe('jsonDepthExceeds', () => {
  it('counts nesting of objects and arrays', () => {
    expect(jsonDepthExceeds(text('{"a":[1,{"b":2}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(text('{"a":[1,{"b":[2]}]}'), 3)).toBe(true);
    expect(jsonDepthExceeds(text(`${'['.repeat(17)}${']'.repeat(17)}`))).toBe(true);
    expect(jsonDepthExceeds(text(`${'['.repeat(16)}${']'.repeat(16)}`))).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(text('{"a":"[[[[{{{{"}'), 1)).toBe(false);
    expect(jsonDepthExceeds(text('{"a":"\\"[[[[","b":1}'), 1)).toBe(false);
    expect(jsonDepthExceeds(text('{"a\\\\":[[1]]}'), 2)).toBe(true);
  });
});

describe('jsonShapeErrors', () => {
  it('accepts ordinary bodies, tabs and new lines included', () => {
    expect(jsonShapeErrors({ submissionId: 'x', answers: { a: 1, b: 'line\nline\ttab' } })).toEqual(
      [],
    );
    expect(jsonShapeErrors([1, 'two', null, true])).toEqual([]);
  });

  it('names control characters in values and keys by their path', () => {
    expect(jsonShapeErrors({ answers: { role: 'a\u0000' }, list: ['ok', '\u0007'] })).toEqual(
      expect.arrayContaining([
        { field: 'answers.role', message: 'must not contain control characters' },
        { field: 'list.1', message: 'must not contain control characters' },
      ]),
    );
    expect(jsonShapeErrors({ 'x\u0000': 1 })).toEqual([
      { field: 'x\u0000', message: 'must not contain control characters' },
    ]);
    expect(jsonShapeErrors('\u0000')).toEqual([
      { field: 'body', message: 'must not contain control characters' },
    ]);
  });

  it('refuses keys named like Object.prototype members, __proto__ as JSON.parse makes it', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"x":1},"answers":{"constructor":1}}');
    expect(jsonShapeErrors(parsed)).toEqual(
      expect.arrayContaining([
        { field: '__proto__', message: 'is not an expected field' },
        { field: 'answers.constructor', message: 'is not an expected field' },
      ]),
    );
    expect(jsonShapeErrors({ toString: 1, valueOf: 2, isPrototypeOf: 3 })).toHaveLength(3);
  });
});
