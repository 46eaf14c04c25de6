import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { NotFoundError } from '../common/errors';
import { chooseCoding, scanWebAppFiles, type WebAppFile } from './web-app-files';

const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

/** Is this path the app's own business (the api), not the web app's? */
const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/** A path whose last segment has an extension asks for a file, not for a page of the app. */
const asksForFile = (path: string): boolean => /\.[^/]+$/.test(path);

/**
 * Sends one file through Express's sendFile, relative to the web root (so folders above the root
 * may have any name, dots included), which also answers HEAD, conditional requests and ranges.
 * A compressed copy is sent when the client accepts one (never for a range request).
 */
function send(
  req: Request,
  res: Response,
  next: NextFunction,
  file: WebAppFile,
  cacheControl: string,
): void {
  const coding = req.headers.range ? null : chooseCoding(file, req.headers['accept-encoding']);
  const variant = coding ? file.variants[coding] : undefined;
  res.setHeader('Cache-Control', cacheControl);
  if (Object.keys(file.variants).length > 0) res.setHeader('Vary', 'Accept-Encoding');
  if (coding && variant) {
    res.type(file.extension);
    res.setHeader('Content-Encoding', coding);
  }
  res.sendFile(
    variant?.relativePath ?? file.relativePath,
    { root: file.webRoot, cacheControl: false, dotfiles: 'allow', acceptRanges: !variant },
    (error?: Error) => {
      if (error && !res.headersSent) next(error);
    },
  );
}

/**
 * Serves the built web app on the app's port, from the list of its files made at start-up:
 * hashed files compressed (brotli or gzip, made at build time) and cached for a year, any other
 * path without an extension the app page (its client-side routes, e.g. /s/{code}), and any other
 * file 404. GET and HEAD alike. Returns null when there is no built web app (api-only tests).
 */
export function webAppHandler(
  webRoot: string,
  options: { sourceMaps: boolean },
): RequestHandler | null {
  if (!existsSync(join(webRoot, 'index.html'))) return null;
  const files = scanWebAppFiles(webRoot, options);
  const page = files.get('/index.html');
  if (!page) return null;
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    const file = files.get(req.path);
    if (file && file !== page) {
      return send(req, res, next, file, file.immutable ? YEAR_IMMUTABLE : 'no-cache');
    }
    if (asksForFile(req.path) && req.path !== '/index.html') {
      return next(new NotFoundError('There is no such file'));
    }
    send(req, res, next, page, 'no-cache');
  };
}
