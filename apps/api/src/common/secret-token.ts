import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to people (session cookies, links in emails): 256 random bits, URL-safe. Only their
 * SHA-256 is stored, so a copy of the database yields no usable cookie or link.
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a token. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens we issue are 43 base64url characters; anything else is not worth a database lookup. */
export function looksLikeSecretToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
