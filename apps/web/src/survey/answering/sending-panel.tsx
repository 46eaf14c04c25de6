import { useEffect, useRef, useState } from 'react';

/**
 * Shown while the answers are on their way. The status text sits in a polite live region so screen
 * reader users hear each change; the heading takes focus because the form just disappeared.
 */
export function SendingPanel({
  failures,
  nextAttemptAt,
  onRetryNow,
}: {
  failures: number;
  nextAttemptAt?: number;
  onRetryNow: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const seconds = useSecondsUntil(nextAttemptAt);
  return (
    <div className="app-sending">
      <h2 className="app-heading-l" ref={heading} tabIndex={-1}>
        Sending your answers
      </h2>
      <div role="status" aria-live="polite" className="app-sending__status">
        {failures === 0 ? (
          <p className="app-body">Sending your answers…</p>
        ) : (
          <>
            <p className="app-body app-sending__message">
              We’re trying to send your answers… don’t close this page.
            </p>
            <p className="app-body">
              We could not reach the server. This can happen when the internet connection drops.
              Your answers are kept on this device and we will keep trying.
            </p>
          </>
        )}
      </div>
      {failures > 0 ? (
        <>
          <p className="app-body app-secondary-text">
            {seconds !== undefined && seconds > 0
              ? `Next try in ${seconds} second${seconds === 1 ? '' : 's'}.`
              : 'Trying again now…'}
          </p>
          <button type="button" className="app-button app-button--secondary" onClick={onRetryNow}>
            Try again now
          </button>
        </>
      ) : null}
    </div>
  );
}

function useSecondsUntil(at: number | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === undefined ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
