/** scoreScale / reverseItem: reverse keying, minimum answered items, 0–100 rescaling. */
import fc from 'fast-check';
import { InvalidArgumentError } from './errors';
import { reverseItem, scoreScale } from './score-scale';
import { selectColumns } from './data-access';
import { UnknownColumnError } from './errors';

const key = { reversed: [false, true, false, false], min: 1, max: 5, minAnswered: 3 };

describe('scoreScale', () => {
  it('reverses keyed items (min + max − x) and averages on the 1–5 scale', () => {
    // answers 5, 1 (reversed → 5), 4, NaN → mean (5 + 5 + 4)/3
    const s = scoreScale([5, 1, 4, NaN], key);
    expect(s.answered).toBe(3);
    expect(s.mean).toBeCloseTo(14 / 3, 15);
    expect(s.score0to100).toBeCloseTo(((14 / 3 - 1) / 4) * 100, 13);
  });
  it('accepts reversed item indices', () => {
    expect(scoreScale([5, 1, 4, 2], { ...key, reversed: [1] })).toEqual(
      scoreScale([5, 1, 4, 2], key),
    );
  });
  it('gives null below minAnswered and for all-missing answers', () => {
    expect(scoreScale([5, NaN, NaN, 2], key)).toEqual({
      mean: null,
      score0to100: null,
      answered: 2,
    });
    expect(scoreScale([NaN, NaN, NaN, NaN], key).mean).toBeNull();
  });
  it('maps min → 0 and max → 100', () => {
    expect(scoreScale([1, 5, 1, 1], key).score0to100).toBe(0);
    expect(scoreScale([5, 1, 5, 5], key).score0to100).toBe(100);
  });
  it('rejects out-of-range answers and inconsistent keys with clear messages', () => {
    expect(() => scoreScale([6, 1, 1, 1], key)).toThrow('Answer 6 to item 1 is outside 1..5.');
    expect(() => scoreScale([1, 1], key)).toThrow(InvalidArgumentError);
    expect(() => scoreScale([1, 1, 1, 1], { ...key, reversed: [4] })).toThrow(
      'Reversed item index 4 is outside 0..3.',
    );
    expect(() => scoreScale([1, 1, 1, 1], { ...key, minAnswered: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => scoreScale([1, 1, 1, 1], { ...key, min: 5, max: 1 })).toThrow(
      InvalidArgumentError,
    );
  });
  it('property: fewer than minAnswered answers gives null', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 12 }),
        (raw, want) => {
          const answers = raw.map((v) => (v === undefined ? NaN : v));
          const minAnswered = Math.min(want, answers.length);
          const s = scoreScale(answers, { reversed: [], min: 1, max: 5, minAnswered });
          const answered = answers.filter((v) => !Number.isNaN(v)).length;
          return answered < minAnswered
            ? s.mean === null && s.score0to100 === null
            : s.mean !== null;
        },
      ),
    );
  });
});

describe('reverseItem', () => {
  it('is min + max − x and keeps NaN', () => {
    expect(reverseItem(1, 1, 5)).toBe(5);
    expect(reverseItem(2, 1, 6)).toBe(5);
    expect(Number.isNaN(reverseItem(NaN, 1, 5))).toBe(true);
  });
  it('property: reversing twice is the identity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (min, span, off) => {
          const max = min + span + 1;
          const x = min + (off % (span + 2));
          return reverseItem(reverseItem(x, min, max), min, max) === x;
        },
      ),
    );
  });
});

describe('selectColumns', () => {
  it('returns columns by name and names the missing one', () => {
    const d = {
      columns: ['a', 'b'],
      rows: [
        [1, 2],
        [3, NaN],
      ],
    };
    expect(selectColumns(d, ['b', 'a'])).toEqual([
      [2, NaN],
      [1, 3],
    ]);
    expect(() => selectColumns(d, ['c'])).toThrow(UnknownColumnError);
    expect(() => selectColumns(d, ['c'])).toThrow('Unknown column "c"; the data has: a, b.');
  });
});
