/**
 * Respondents' pages (a survey at /s/<code>, the polling panel's member pages under /panel/): they
 * never show or ask who is signed in, and carry their promise.
 */
export const isRespondentPath = (pathname: string): boolean =>
  pathname.startsWith('/s/') || pathname.startsWith('/panel/');
