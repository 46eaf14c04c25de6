import type { Params } from 'react-router';

/** A path parameter when it follows `rule`; null when it does not (the page is then not found). */
export function pathParam(params: Params, name: string, rule: (value: string) => boolean) {
  const value = params[name];
  return value !== undefined && rule(value) ? value : null;
}

/**
 * An optional query parameter: undefined when absent (or empty), the value when it follows `rule`,
 * null when it does not (the page is then not found).
 */
export function queryParam<T extends string>(
  url: URL,
  name: string,
  rule: (value: string) => value is T,
): T | undefined | null;
export function queryParam(
  url: URL,
  name: string,
  rule: (value: string) => boolean,
): string | undefined | null;
export function queryParam(url: URL, name: string, rule: (value: string) => boolean) {
  const value = url.searchParams.get(name);
  if (value === null || value === '') return undefined;
  return rule(value) ? value : null;
}
