import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { NotFoundError } from '../common/errors';
import { appPageWithHints } from './app-page';
import { FAST_PAGES, surveyCodeOf, surveyForPage, type SurveyLookup } from './fast-pages';
import { type ExtraScripts, extraScripts, readManifest } from './extra-scripts';
import {
  bestCoding,
  chooseCoding,
  scanWebAppFiles,
  type ContentCoding,
  type WebAppFile,
} from './web-app-files';

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

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function encode(body: Buffer, coding: ContentCoding | null): Promise<Buffer> {
  if (coding === 'br') return brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (coding === 'gzip') return gzipped(body);
  return body;
}

/**
 * Sends the app page made for this request (not a file): compressed as the client accepts, never
 * cached, since it may carry the survey's definition at this moment.
 */
async function sendMadePage(req: Request, res: Response, html: string): Promise<void> {
  const coding = bestCoding(['br', 'gzip'], req.headers['accept-encoding']);
  const body = await encode(Buffer.from(html, 'utf8'), coding);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (coding) res.setHeader('Content-Encoding', coding);
  res.type('.html');
  res.setHeader('Content-Length', String(body.length));
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

/**
 * Serves the built web app on the app's port, from the list of its files made at start-up:
 * hashed files compressed (brotli or gzip, made at build time) and cached for a year, any other
 * path without an extension the app page (its client-side routes, e.g. /s/{code}), and any other
 * file 404. GET and HEAD alike. Returns null when there is no built web app (api-only tests).
 */
export function webAppHandler(
  webRoot: string,
  options: { sourceMaps: boolean; surveyFor?: SurveyLookup },
): RequestHandler | null {
  if (!existsSync(join(webRoot, 'index.html'))) return null;
  const files = scanWebAppFiles(webRoot, options);
  const page = files.get('/index.html');
  if (!page) return null;
  const template = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const manifest = readManifest(webRoot);
  const fastPages = FAST_PAGES.map(({ path, run }) => ({
    path,
    scripts: extraScripts(manifest, run),
  }));
  const scriptsFor = (path: string): ExtraScripts | undefined =>
    fastPages.find((fast) => fast.path.test(path))?.scripts;
  const { surveyFor } = options;

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    const file = files.get(req.path);
    if (file && file !== page) {
      return send(req, res, next, file, file.immutable ? YEAR_IMMUTABLE : 'no-cache');
    }
    if (asksForFile(req.path) && req.path !== '/index.html') {
      return next(new NotFoundError('There is no such file'));
    }
    const scripts = scriptsFor(req.path);
    if (!scripts) return send(req, res, next, page, 'no-cache');
    surveyForPage(surveyFor, surveyCodeOf(req.path))
      .then((definition) => sendMadePage(req, res, appPageWithHints(template, scripts, definition)))
      .catch(next);
  };
}
