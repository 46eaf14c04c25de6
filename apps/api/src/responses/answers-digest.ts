import { createHash } from 'node:crypto';
import type { Answers } from '@swhc/contracts';

/** SHA-256 of the answers with keys sorted, so the same answers in any key order match. */
export function answersDigest(answers: Answers): string {
  const canonical = Object.keys(answers)
    .sort()
    .map((key) => [key, answers[key]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
