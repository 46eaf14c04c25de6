/**
 * The token of an emailed link: the part after "#", which the browser never sends to a server (so it
 * stays out of access logs). Loaders read it from the request's address, or the page's.
 */
export function linkToken(request?: Request): string {
  const fromRequest = request ? new URL(request.url).hash : '';
  const hash = fromRequest || (typeof window === 'undefined' ? '' : window.location.hash);
  return decodeURIComponent(hash.replace(/^#/, '')).trim();
}
