/** Respondents' pages (/s/<code>): they never show or ask who is signed in, and carry their promise. */
export const isRespondentPath = (pathname: string): boolean => pathname.startsWith('/s/');
