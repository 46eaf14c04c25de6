import type { Verdict } from '@swhc/contracts';

/** A verdict as a coloured tag whose words say it too (colour is never the only cue). */
export function VerdictTag({
  verdict,
  labels,
}: {
  verdict: Verdict;
  labels: Readonly<Record<Verdict, string>>;
}) {
  return <strong className={`app-tag app-tag--${verdict}`}>{labels[verdict]}</strong>;
}
