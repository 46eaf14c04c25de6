/**
 * Rules for fields of the api's requests, checked alike by the web forms (to explain early) and
 * the api (to refuse). Change a rule here and both follow.
 */

/** The GSS code of an English local authority: E and eight digits, e.g. E06000001. */
export const GSS_CODE_PATTERN = /^E\d{8}$/i;
export const isGssCode = (text: string): boolean => GSS_CODE_PATTERN.test(text);

/** Waves, staff accounts and submissions are identified by UUIDs (of any version). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string): boolean => UUID_PATTERN.test(text);

/** Longest email address (RFC 5321's path limit) an account or a sign-in may use. */
export const EMAIL_MAX_LENGTH = 254;

/** Something@something.something with no spaces: a typo check, not a proof of delivery. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether text (spaces around it aside) looks like an email address. */
export function isEmailAddress(text: string): boolean {
  return EMAIL_PATTERN.test(text.trim());
}

/** Passwords: at least this long, no composition rules, paste allowed (NCSC, NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1000;
