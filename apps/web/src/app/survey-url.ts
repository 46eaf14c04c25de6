/** A survey link as people open it, on this site's address (the admin and PSW pages show it). */
export const surveyUrl = (code: string) =>
  `${window.location.origin}/s/${encodeURIComponent(code)}`;
