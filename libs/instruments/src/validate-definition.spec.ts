import { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';
import { validateInstrumentDefinition } from './validate-definition';

/** v1 as JSON, changed by `edit`. */
function uploaded(edit: (json: Record<string, unknown>) => void): unknown {
  const json = JSON.parse(JSON.stringify(HEALTH_CHECK_V1)) as Record<string, unknown>;
  edit(json);
  return json;
}

const fieldsOf = (input: unknown): string[] => {
  const result = validateInstrumentDefinition(input);
  return result.valid ? [] : result.errors.map((e) => e.field);
};

describe('validateInstrumentDefinition', () => {
  it('accepts a published definition as JSON and returns it unchanged', () => {
    const result = validateInstrumentDefinition(uploaded(() => undefined));
    expect(result.valid ? result.definition : result.errors).toEqual(HEALTH_CHECK_V1);
  });

  it('reports every problem by its path', () => {
    const input = uploaded((json) => {
      const questions = json['questions'] as Record<string, unknown>[];
      (questions[3] as Record<string, unknown>)['choices'] = [];
      (questions[5] as Record<string, unknown>)['role'] = 'mood';
      json['version'] = 0;
      (json['scales'] as Record<string, unknown>[])[1]!['items'] = ['support1', 'nope'];
      json['colour'] = 'blue';
    });
    expect(fieldsOf(input)).toEqual(
      expect.arrayContaining([
        'questions[3].choices',
        'questions[5].role',
        'version',
        'scales[1].items[1]',
        'colour',
      ]),
    );
  });

  it('checks names, pages, per-service choices and the scoring key against the questions', () => {
    const input = uploaded((json) => {
      const questions = json['questions'] as Record<string, unknown>[];
      questions[1]!['name'] = questions[0]!['name'];
      questions[2]!['choices'] = [
        { value: 1, text: 'A' },
        { value: 1, text: 'B' },
      ];
      const teamType = questions.find((q) => q['name'] === 'teamType')!;
      teamType['choicesByService'] = { adults: [{ value: 3, text: 'x' }], teachers: [] };
      (json['pages'] as Record<string, unknown>[])[0]!['questions'] = ['demands1', 'ghost'];
      (json['scales'] as Record<string, unknown>[])[0]!['minAnswered'] = 9;
      json['outcome'] = 'role';
    });
    const fields = fieldsOf(input);
    expect(fields).toEqual(
      expect.arrayContaining([
        'questions[1].name',
        'questions[2].choices[1].value',
        expect.stringMatching(/^questions\[\d+\]\.choicesByService\.adults\[0\]\.value$/),
        expect.stringMatching(/^questions\[\d+\]\.choicesByService\.teachers$/),
        'pages[0].questions[1]',
        'scales[0].minAnswered',
        'outcome',
      ]),
    );
  });

  it('refuses what is not an object', () => {
    for (const input of [null, [], 'text', 3]) expect(fieldsOf(input)).toEqual(['definition']);
  });
});
