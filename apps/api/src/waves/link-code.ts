import { randomBytes } from 'node:crypto';
import type { ServiceKind } from '@swhc/contracts';

/** An unguessable link code: 128 random bits in base64url (22 characters). */
export function generateLinkCode(): string {
  return randomBytes(16).toString('base64url');
}

/** Demo codes are readable (PRODUCT.md) and exist only on the embedded demo database. */
export function demoLinkCode(gssCode: string, service: ServiceKind, suffix = ''): string {
  return `demo-${gssCode.toLowerCase()}-${service}${suffix}`;
}
