import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@nestjs/common';
import type { SurveyResponseReceipt, ValidationErrorBody } from '@swhc/contracts';
import { forgeryRefusal } from '../common/csrf.middleware';
import { errorAnswer } from '../common/errors';
import { parseJsonBody } from '../common/json-body-errors';
import { MAX_BODY_BYTES } from '../common/json-body.middleware';
import type { RequestLogger } from '../logging/logging.module';
import { readSubmission } from './submission-request';
import type { SurveysService } from './surveys.service';

/** `POST /api/surveys/{code}/responses` with a code of URL-safe characters and no query string. */
const RESPONSES_PATH = /^\/api\/surveys\/([\w.~-]+)\/responses$/;

/** `application/json`, optionally saying UTF-8: what every browser and script sends. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

/** Answers a request the lane took; false for one it leaves to Express. */
export type IntakeLane = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface IntakeLaneParts {
  readonly surveys: SurveysService;
  readonly logRequest: RequestLogger;
  /** Headers every answer carries (helmet's, recorded once). */
  readonly securityHeaders: readonly (readonly [string, string])[];
}

/**
 * The survey response route is the one that carries national load, and Express with Nest's
 * pipeline cost about three quarters of its CPU time (bench/intake/README.md). The lane answers
 * the plain case before Express: a POST of a plain JSON body with a declared length within the
 * limit, no cookie, no content encoding and no query string. It keeps every promise of the Nest
 * route by using the same parts: the request log line and id, the security headers, the forgery
 * check, the body checks (depth, JSON, control characters, object-member keys), the envelope rule
 * (readSubmission), SurveysService.submit, and the error answers (errorAnswer). Anything else —
 * a cookie (which the CSRF check must see), gzip, another content type, a body over the limit or
 * without a length — goes to Express unread, where the Nest route answers it by the same rules.
 */
export function intakeLane(parts: IntakeLaneParts): IntakeLane {
  return (req, res) => {
    const code = laneCodeOf(req);
    if (code === null) return false;
    parts.logRequest(req, res);
    for (const [name, value] of parts.securityHeaders) res.setHeader(name, value);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // An upload cut short stores nothing and has no one to answer.
    req.on('error', () => res.destroy());
    req.on('end', () => {
      submit(parts.surveys, req, code, Buffer.concat(chunks)).then(
        (stored) =>
          sendJson(res, stored.created ? 201 : 200, { submissionId: stored.submissionId }),
        (error: unknown) => {
          const answer = errorAnswer(error, errorLogOf(req));
          sendJson(res, answer.status, answer.body, answer.headers);
        },
      );
    });
    return true;
  };
}

/**
 * Where the lane logs an error: the request's own logger (it carries the request id), in the
 * shape Nest's Logger gives the error filter's lines.
 */
function errorLogOf(req: IncomingMessage): Pick<Logger, 'error' | 'warn'> {
  return {
    error: (message: string) => req.log.error({ context: 'Errors' }, message),
    warn: (message: string) => req.log.warn({ context: 'Errors' }, message),
  };
}

/** The link code of a request the lane takes, or null to leave it to Express. */
export function laneCodeOf(req: IncomingMessage): string | null {
  if (req.method !== 'POST') return null;
  const match = RESPONSES_PATH.exec(req.url ?? '');
  if (!match?.[1]) return null;
  const { headers } = req;
  const length = Number(headers['content-length']);
  const plain =
    PLAIN_JSON.test(headers['content-type'] ?? '') &&
    Number.isInteger(length) &&
    length <= MAX_BODY_BYTES &&
    headers['content-encoding'] === undefined &&
    headers['transfer-encoding'] === undefined &&
    headers.cookie === undefined;
  return plain ? match[1] : null;
}

/** The Express path's order: forgery check, body, envelope, then the survey behind the code. */
async function submit(
  surveys: SurveysService,
  req: IncomingMessage,
  code: string,
  raw: Buffer,
): Promise<{ created: boolean; submissionId: string }> {
  // No cookie reaches the lane, so no session: the check is about Origin and Referer only.
  const forged = forgeryRefusal(req, false);
  if (forged) throw forged;
  return surveys.submit(code, readSubmission(parseJsonBody(raw)));
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: SurveyResponseReceipt | ValidationErrorBody,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
