import type { PollQuestion } from '@swhc/contracts';
import { pollQuestionResults, type AnswerRow } from './poll-distributions';

const question: PollQuestion = {
  id: 'q',
  type: 'radiogroup',
  name: 'research-use',
  title: 'How often do you use research in your practice?',
  choices: [
    { value: 'never', text: 'Never' },
    { value: 'sometimes', text: 'Sometimes' },
    { value: 'often', text: 'Often' },
  ],
  twoWay: { values: ['often'], label: 'Often', restLabel: 'Less often' },
};

function rows(
  spec: [service: string, region: string, answer: string, count: number][],
): AnswerRow[] {
  return spec.flatMap(([service, region, answer, count]) =>
    Array.from({ length: count }, () => ({
      service,
      role: 'social-worker',
      region,
      answers: { 'research-use': answer },
    })),
  );
}

describe('pollQuestionResults', () => {
  it('labels categories as members saw them and shows safe groups as answered', () => {
    const data = rows([
      ['children', 'London', 'never', 10],
      ['children', 'London', 'sometimes', 10],
      ['children', 'London', 'often', 10],
      ['adults', 'North West', 'never', 10],
      ['adults', 'North West', 'sometimes', 10],
      ['adults', 'North West', 'often', 10],
    ]);
    const [result] = pollQuestionResults([question], data, 10);
    expect(result?.overall).toEqual({
      suppressed: false,
      n: 60,
      collapse: 'none',
      categories: [
        { key: 'never', label: 'Never', count: 20, percentage: (100 * 20) / 60 },
        { key: 'sometimes', label: 'Sometimes', count: 20, percentage: (100 * 20) / 60 },
        { key: 'often', label: 'Often', count: 20, percentage: (100 * 20) / 60 },
      ],
    });
    const service = result?.breakdowns.find((b) => b.by === 'service');
    expect(service?.groups.map((g) => [g.label, g.distribution.suppressed])).toEqual([
      ['Children’s services', false],
      ['Adults’ services', false],
    ]);
    // Regions with nobody are hidden as groups under K; the two with answers are shown.
    const region = result?.breakdowns.find((b) => b.by === 'region');
    expect(region?.groups.filter((g) => !g.distribution.suppressed).map((g) => g.key)).toEqual([
      'London',
      'North West',
    ]);
  });

  it('falls back to the question’s own two-way split, with its labels', () => {
    const data = rows([
      ['children', 'London', 'never', 4],
      ['children', 'London', 'sometimes', 16],
      ['children', 'London', 'often', 12],
    ]);
    const [result] = pollQuestionResults([question], data, 10);
    expect(result?.overall).toMatchObject({
      collapse: 'two-way',
      categories: [
        { key: 'favourable', label: 'Often', count: 12 },
        { key: 'rest', label: 'Less often', count: 20 },
      ],
    });
  });

  it('hides a group whose distribution a reader could work out from the others', () => {
    // 12 in adults: shown as a group would be fine, but 3 of them answered "never".
    const data = rows([
      ['children', 'London', 'never', 10],
      ['children', 'London', 'sometimes', 10],
      ['children', 'London', 'often', 10],
      ['adults', 'London', 'never', 3],
      ['adults', 'London', 'often', 9],
    ]);
    const [result] = pollQuestionResults([question], data, 10);
    const service = result?.breakdowns.find((b) => b.by === 'service');
    for (const group of service?.groups ?? []) {
      if (!group.distribution.suppressed) {
        for (const c of group.distribution.categories) {
          expect(c.count === 0 || c.count >= 10).toBe(true);
          expect(group.distribution.n - c.count).toBeGreaterThanOrEqual(10);
        }
      }
    }
    expect(service?.groups.find((g) => g.key === 'adults')?.distribution.suppressed).toBe(true);
  });
});
