/** A survey link's definition as its api route answers it, or undefined (unknown, closed…). */
export type SurveyLookup = (code: string) => Promise<unknown>;

/**
 * Pages a phone opens from a link, where the first question must show fast. The survey's
 * definition travels inside its page; a poll's cannot (its token is in the URL's fragment, never
 * sent to us), so the poll's page runs a small script that asks for it beside the main script.
 */
export const FAST_PAGES: readonly {
  readonly path: RegExp;
  /** Entries of the web app's build the page runs at once, beside its main script. */
  readonly run: readonly string[];
}[] = [
  { path: /^\/s\/([^/]+)$/, run: [] },
  { path: /^\/panel\/poll$/, run: ['src/early-poll-entry.ts'] },
];

/** The code of a survey link's page, if it could name a link (the api refuses control characters). */
export function surveyCodeOf(path: string): string | undefined {
  const encoded = FAST_PAGES[0]?.path.exec(path)?.[1];
  if (encoded === undefined) return undefined;
  try {
    const code = decodeURIComponent(encoded);
    return /\p{Cc}/u.test(code) ? undefined : code;
  } catch {
    return undefined;
  }
}

/** The page waits this long at most for the survey; after that the app asks the api itself. */
const SURVEY_LOOKUP_MS = 1000;

/**
 * The survey for the page, or undefined: when the lookup fails (unknown link, closed wave,
 * database down) or is slow, the page goes out as it was and the app asks the api, which says
 * what is wrong.
 */
export function surveyForPage(lookup: SurveyLookup | undefined, code: string | undefined) {
  if (code === undefined || !lookup) return Promise.resolve(undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, SURVEY_LOOKUP_MS, undefined);
  });
  return Promise.race([lookup(code).catch(() => undefined), late]).finally(() =>
    clearTimeout(timer),
  );
}
