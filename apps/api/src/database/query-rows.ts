/**
 * The rows of a DataSource/EntityManager `query()`. On PostgreSQL TypeORM returns `[rows, rowCount]`
 * for UPDATE and DELETE (RETURNING or not), and the rows themselves for everything else.
 */
export function queryRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
