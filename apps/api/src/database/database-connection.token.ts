/** Injection token for the DatabaseConnection (URL, embedded or not) the app was started on. */
export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');
