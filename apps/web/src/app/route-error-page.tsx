import { useEffect } from 'react';
import { useLocation, useRouteError } from 'react-router';
import { Footer, Header, PhaseBanner, SkipLink, usePageTitle } from '../ui';
import { isRespondentPath } from './respondent-path';

const RELOAD_KEY = 'swhc:reloaded-after-chunk-error';

/** A script chunk that is gone (a new version was deployed) or could not be fetched (offline). */
function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(
    message,
  );
}

/**
 * A page that failed to load or render. After a new release, a person part-way through the survey
 * still runs the old code, whose lazily loaded chunks no longer exist: reload once (their answers
 * are saved on the device) instead of showing an error.
 */
export function UnexpectedProblem({ error }: { error: unknown }) {
  const chunkError = isChunkLoadError(error);
  usePageTitle('Sorry, there is a problem with the service');

  useEffect(() => {
    // Offline, a reload would only swap this page for the browser's own error page.
    if (!chunkError || !navigator.onLine) return;
    try {
      const last = Number(window.sessionStorage.getItem(RELOAD_KEY) ?? 0);
      if (Date.now() - last < 30_000) return; // reloaded moments ago: do not loop
      window.sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
    } catch {
      return;
    }
    window.location.reload();
  }, [chunkError]);

  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">Sorry, there is a problem with the service</h1>
      <p className="app-body">
        {chunkError
          ? 'This page could not be loaded. Check your internet connection and try again.'
          : 'Something went wrong showing this page. Try again.'}
      </p>
      <p className="app-body">
        If you were answering the survey, your answers are saved on this device and will still be
        there.
      </p>
      <button type="button" className="app-button" onClick={() => window.location.reload()}>
        Try again
      </button>
    </div>
  );
}

/** Shown when the layout itself fails: the frame is drawn again around the problem. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { pathname } = useLocation();
  return (
    <>
      <SkipLink />
      <Header />
      <PhaseBanner forRespondents={isRespondentPath(pathname)} />
      <div className="app-width-container">
        <main className="app-main-wrapper" id="main-content" tabIndex={-1}>
          <UnexpectedProblem error={error} />
        </main>
      </div>
      <Footer />
    </>
  );
}
