import { InvalidInputError } from '../common/errors';
import { readSubmission } from './submission-request';

const id = '3b241101-e2bb-4255-8caf-4136c566a962';
const answers = { demands1: 4 };

function fieldErrors(body: unknown) {
  try {
    readSubmission(body);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.errors;
    throw error;
  }
  throw new Error('accepted');
}

describe('the survey response envelope', () => {
  it('accepts {submissionId, answers} and returns them', () => {
    expect(readSubmission({ submissionId: id, answers })).toEqual({ submissionId: id, answers });
    expect(readSubmission({ submissionId: id.toUpperCase(), answers }).submissionId).toBe(
      id.toUpperCase(),
    );
  });

  it('names each missing field, and reads no body as an empty one', () => {
    const missing = [
      { field: 'submissionId', message: 'is required' },
      { field: 'answers', message: 'is required' },
    ];
    expect(fieldErrors({})).toEqual(missing);
    expect(fieldErrors(undefined)).toEqual(missing);
  });

  it.each([
    ['a time-based UUID (v1)', '3b241101-e2bb-1255-8caf-4136c566a962'],
    ['a time-ordered UUID (v7)', '018f3b2c-e2bb-7255-8caf-4136c566a962'],
    ['not a UUID', 'abc'],
    ['a number', 42],
  ])('refuses %s as the submission id', (_label, submissionId) => {
    expect(fieldErrors({ submissionId, answers })).toEqual([
      {
        field: 'submissionId',
        message: 'must be a random UUID (version 4), which carries no time',
      },
    ]);
  });

  it.each([[[1, 2]], [null], ['4'], [4]])('refuses answers that are not an object: %j', (value) => {
    expect(fieldErrors({ submissionId: id, answers: value })).toEqual([
      { field: 'answers', message: 'must be an object of answers' },
    ]);
  });

  it('refuses every unexpected field by name, with the other problems', () => {
    expect(fieldErrors({ submissionId: 'x', answers, ip: '1.2.3.4', at: 1 })).toEqual([
      { field: 'ip', message: 'is not an expected field' },
      { field: 'at', message: 'is not an expected field' },
      {
        field: 'submissionId',
        message: 'must be a random UUID (version 4), which carries no time',
      },
    ]);
  });

  it.each([[[{ submissionId: id, answers }]], [null], ['text'], [3]])(
    'refuses a body that is not an object: %j',
    (body) => {
      expect(fieldErrors(body)).toEqual([
        { field: 'body', message: 'must be a JSON object with submissionId and answers' },
      ]);
    },
  );
});
