import { randomBytes } from 'node:crypto';
import type { ServiceKind } from '@swhc/contracts';

/** Longest link code stored or looked up (random codes have 22 characters, demo codes ~30). */
export const LINK_CODE_MAX_LENGTH = 64;

/** An unguessable link code: 128 random bits in base64url (22 characters). */
export function generateLinkCode(): string {
  return randomBytes(16).toString('base64url');
}

/** Demo codes are readable, for people trying the app, and exist only on the embedded demo database. */
export function demoLinkCode(gssCode: string, service: ServiceKind, suffix = ''): string {
  return `demo-${gssCode.toLowerCase()}-${service}${suffix}`;
}
