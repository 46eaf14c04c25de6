import type { FieldError } from '@swhc/contracts';

/** Deepest nesting of arrays and objects a request body may have (a survey response has 2). */
export const MAX_JSON_DEPTH = 16;

/**
 * How deeply the JSON text nests, counted on the raw bytes without parsing, so a body nested
 * thousands deep is refused before anything recurses into it. Stops counting past `limit`.
 */
export function jsonDepthExceeds(text: Buffer, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * Names that mean something to every JavaScript object. A body key with one of these names is
 * dropped or misread by the libraries that copy bodies into classes (`__proto__` sets the
 * prototype; class-transformer skips `constructor`; Nest's ValidationPipe silently deletes
 * `prototype` before it checks for unknown fields), so it is refused like any unknown field.
 */
const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** Control characters (NUL and the like: PostgreSQL cannot store NUL), tab and line breaks aside. */
export const CONTROL_CHARACTERS = /(?![\t\n\r])\p{Cc}/u;

/** Problems a parsed body may have whatever the route: control characters, unsafe key names. */
export function jsonShapeErrors(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  // Iterative, so no body can overflow the stack (depth is bounded before parsing anyway).
  const pending: [value: unknown, path: string][] = [[body, '']];
  while (pending.length > 0 && errors.length < 20) {
    const [value, path] = pending.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (CONTROL_CHARACTERS.test(value)) {
        errors.push({ field: path || 'body', message: 'must not contain control characters' });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push([item, path ? `${path}.${i}` : String(i)]));
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const field = path ? `${path}.${key}` : key;
        if (OBJECT_MEMBER_NAMES.has(key)) {
          errors.push({ field, message: 'is not an expected field' });
        } else if (CONTROL_CHARACTERS.test(key)) {
          errors.push({ field, message: 'must not contain control characters' });
        } else {
          pending.push([(value as Record<string, unknown>)[key], field]);
        }
      }
    }
  }
  return errors;
}
