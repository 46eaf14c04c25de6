import { randomBytes } from 'node:crypto';
import type { ServiceKind } from '@swhc/contracts';

/** Longest link code stored or looked up (random codes have 22 characters, demo codes ~30). */
export const LINK_CODE_MAX_LENGTH = 64;

/**
 * An unguessable link code: 128 random bits in base64url (22 characters), drawn again until it
 * starts and ends with a letter or digit, so no mail program, spreadsheet or chat trims or
 * mangles its edge (a leading "-" reads as a formula in a spreadsheet).
 */
export function generateLinkCode(): string {
  for (;;) {
    const code = randomBytes(16).toString('base64url');
    if (/^[A-Za-z0-9].*[A-Za-z0-9]$/.test(code)) return code;
  }
}

/** Demo codes are readable, for people trying the app, and exist only on the embedded demo database. */
export function demoLinkCode(gssCode: string, service: ServiceKind, suffix = ''): string {
  return `demo-${gssCode.toLowerCase()}-${service}${suffix}`;
}
