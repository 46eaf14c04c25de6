/**
 * The pages a phone opens from a link, and what their app page carries to show the first
 * question sooner.
 */
/** A survey link's definition as its api route answers it, or undefined (unknown, closed…). */
export type SurveyLookup = (code: string) => Promise<unknown>;

/**
 * Pages a phone opens from a link, where the first question must show fast: their route module
 * (as the web app's router loads it) is announced in the app page. The survey's definition
 * travels inside the page; a poll's cannot (its token is in the URL's fragment, never sent).
 */
export const FAST_PAGES: readonly { readonly path: RegExp; readonly module: string }[] = [
  { path: /^\/s\/([^/]+)$/, module: 'src/features/take-survey/take-survey-page.tsx' },
  { path: /^\/panel\/poll$/, module: 'src/features/panel/poll-page.tsx' },
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
