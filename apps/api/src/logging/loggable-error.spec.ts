import { QueryFailedError } from 'typeorm';
import { describeError, loggableError } from './loggable-error';

/** An error as node-postgres raises it for a statement PostgreSQL refused. */
function databaseError(message: string, fields: Record<string, string>): Error {
  return Object.assign(new Error(message), { name: 'error', ...fields });
}

describe('loggableError', () => {
  it('keeps only the SQLSTATE and where of a database error, never its message or detail', () => {
    const error = databaseError('invalid input syntax for type uuid: "secret-value"', {
      code: '22P02',
      detail: 'Key (email)=(someone@la.gov.uk) already exists.',
      table: 'staff_account',
      constraint: 'uq_staff_account_email',
    });
    expect(loggableError(error)).toEqual({
      type: 'error',
      code: '22P02',
      table: 'staff_account',
      constraint: 'uq_staff_account_email',
    });
    expect(describeError(error)).toBe(
      'error (SQLSTATE 22P02, uq_staff_account_email, staff_account)',
    );
  });

  it('looks inside TypeORM’s wrapper, whose parameters hold the row', () => {
    const wrapped = new QueryFailedError(
      'INSERT INTO survey_response VALUES ($1)',
      ['{"role":"social-worker"}'],
      databaseError('new row violates something: social-worker', { code: '23514' }),
    );
    const logged = JSON.stringify(loggableError(wrapped));
    expect(logged).not.toContain('social-worker');
    expect(logged).toContain('23514');
  });

  it('keeps name, message and stack of the app’s own errors', () => {
    const logged = loggableError(new TypeError('x is not a function'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
    expect(logged['stack']).toContain('TypeError');
    expect(loggableError('a thrown string')).toEqual({ type: 'string' });
  });
});
