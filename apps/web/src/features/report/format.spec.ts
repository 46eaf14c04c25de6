import { num, percent, range, reliabilityWords, signed } from './format';

describe('report numbers', () => {
  it('writes numbers with a true minus sign and never "−0.0"', () => {
    expect(num(-2.345)).toBe('−2.3');
    expect(num(2.345, 2)).toBe('2.35');
    expect(num(-0.01)).toBe('0.0');
    expect(percent(49.6)).toBe('50%');
    expect(range({ lower: -1.25, upper: 3.5 })).toBe('−1.3 to 3.5');
  });

  it('reads Cronbach’s alpha in words', () => {
    expect(reliabilityWords(0.82)).toBe('good');
    expect(reliabilityWords(0.72)).toBe('acceptable');
    expect(reliabilityWords(0.55)).toMatch(/^low/);
  });
});

describe('signed', () => {
  it('always writes the sign of a difference, and none for zero', () => {
    expect(signed(2.71)).toBe('+2.7');
    expect(signed(-1.25)).toBe('−1.3');
    expect(signed(0.01)).toBe('0.0');
  });
});
