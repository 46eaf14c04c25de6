import {
  changeSentence,
  differenceSentence,
  direction,
  effectSize,
  num,
  percent,
  range,
  reliabilityWords,
} from './format';

describe('report wording', () => {
  it('writes numbers with a true minus sign and never "−0.0"', () => {
    expect(num(-2.345)).toBe('−2.3');
    expect(num(2.345, 2)).toBe('2.35');
    expect(num(-0.01)).toBe('0.0');
    expect(percent(49.6)).toBe('50%');
    expect(range({ lower: -1.25, upper: 3.5 })).toBe('−1.3 to 3.5');
  });

  it('says a clear difference plainly and a doubtful one as no clear difference', () => {
    expect(differenceSentence(4.21, { lower: 1.1, upper: 7.3 }, true, 'England')).toBe(
      '4.2 points higher than England (the true difference is likely between 1.1 and 7.3 points). This is unlikely to be chance.',
    );
    expect(differenceSentence(-1.2, { lower: -4, upper: 1.6 }, false, 'your region')).toBe(
      'No clear difference from your region: 1.2 points lower, but the true difference could be anywhere from −4.0 to 1.6 points.',
    );
  });

  it('knows that higher job demands are worse', () => {
    expect(direction(3, true, false)).toBe('worse');
    expect(direction(3, true, true)).toBe('better');
    expect(direction(3, false, true)).toBe('similar');
  });

  it('describes changes with their size', () => {
    expect(changeSentence(-3, { lower: -5, upper: -1 }, true, -0.3, 'Health Check 2025')).toBe(
      'Down 3.0 points since Health Check 2025 (likely between −5.0 and −1.0 points): a real change, small in size (Hedges’ g −0.30).',
    );
    expect(effectSize(0.85)).toBe('large');
    expect(reliabilityWords(0.82)).toBe('good');
    expect(reliabilityWords(0.55)).toMatch(/^low/);
  });
});
