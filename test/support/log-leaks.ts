import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import { STAFF_PASSWORD } from './staff-fixtures';

/**
 * What no log line may contain whatever the test did: an answer (a question's name used as a JSON
 * key, or a text choice such as "social-worker"), the password test accounts use, a session cookie.
 */
export const ALWAYS_SECRET: readonly string[] = [
  '"answers"',
  ...HEALTH_CHECK_V1.questions.map((q) => `"${q.name}":`),
  ...HEALTH_CHECK_V1.questions.flatMap((q) =>
    q.answerType === 'text' ? q.choices.map((c) => `"${String(c.value)}"`) : [],
  ),
  STAFF_PASSWORD,
  '"password"',
  'swhc_session=',
];

/** Node's own warnings on standard error, which are not the app's log lines. */
const NODE_WARNING = /^\(node:\d+\) |^\(Use `node --trace-/;

/**
 * Lines of an app's output that are not JSON log records, or that carry one of `secrets`. Used by
 * the database-outage test and after every browser test run (test/browser/global-setup.ts).
 */
export function logLeaks(output: string, secrets: readonly string[]): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '' && !NODE_WARNING.test(line))
    .filter((line) => {
      if (!isJsonRecord(line)) return true;
      return secrets.some((secret) => secret !== '' && line.includes(secret));
    });
}

function isJsonRecord(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'level' in value && 'msg' in value;
  } catch {
    return false;
  }
}
