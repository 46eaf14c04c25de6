/** The parts of an error from node-postgres (or TypeORM wrapping one) that say what failed, not with what. */
interface DatabaseErrorParts {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  driverError?: unknown;
}

/** True for an error PostgreSQL sent (a five-character SQLSTATE), possibly wrapped by TypeORM. */
function databaseErrorOf(error: Error): DatabaseErrorParts | null {
  const e = error as Error & DatabaseErrorParts;
  const inner = (e.driverError instanceof Error ? e.driverError : e) as Error & DatabaseErrorParts;
  return typeof inner.code === 'string' && /^[0-9A-Z]{5}$/.test(inner.code) ? inner : null;
}

/**
 * What the logs may say about an error. A database error says its SQLSTATE and the constraint,
 * table or column at fault — never its message, detail, query parameters or the failed row, which
 * can quote what a respondent or a staff member sent. Other errors keep their name, message and
 * stack (the app's own messages name no personal data).
 */
export function loggableError(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { type: typeof error };
  const database = databaseErrorOf(error);
  if (database) {
    const parts: Record<string, string> = { type: error.name, code: String(database.code) };
    for (const key of ['constraint', 'table', 'column', 'routine'] as const) {
      const value = database[key];
      if (typeof value === 'string') parts[key] = value;
    }
    return parts;
  }
  return {
    type: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

/** loggableError as one line, for the places that log text. */
export function describeError(error: unknown): string {
  const e = loggableError(error);
  if (e['code'] && !e['message']) {
    const where = ['constraint', 'table', 'column']
      .map((k) => e[k])
      .filter(Boolean)
      .join(', ');
    return `${e['type']} (SQLSTATE ${e['code']}${where ? `, ${where}` : ''})`;
  }
  return e['stack'] ?? `${e['type']}: ${e['message'] ?? ''}`;
}
