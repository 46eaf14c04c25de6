import { suppressionMessage } from '@swhc/disclosure';

/**
 * A response count as staff may see it: no count of 1 to K − 1 is ever served (K hides small
 * groups); 0 is shown, as "nobody has answered" describes nobody.
 */
export function visibleCount(
  count: number,
  k: number,
): { count: number | null; message: string | null } {
  if (count === 0 || count >= k) return { count, message: null };
  return { count: null, message: suppressionMessage('below-k', k) };
}
