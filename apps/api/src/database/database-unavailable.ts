/** Seconds a client is asked to wait before trying again while the database does not answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that mean "not now" rather than "wrong": the connection (class 08), a server shutting
 * down or starting (57P01–57P03), too many connections (53300), a statement cancelled by the
 * statement timeout (57014).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300|57014)$/;

/** node-postgres' own messages when a connection breaks or none is free in time. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended)/;

/**
 * True when an error means the database cannot answer now (down, restarting, overloaded), so
 * the request deserves 503 and Retry-After rather than a 500. Looks inside TypeORM's wrapper.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as { driverError?: unknown }).driverError;
  if (inner instanceof Error && inner !== error && isDatabaseUnavailable(inner)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) {
    return true;
  }
  return UNAVAILABLE_MESSAGE.test(error.message);
}
