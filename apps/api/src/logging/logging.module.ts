import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type INestApplication, Module } from '@nestjs/common';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { type Options, pinoHttp } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { logDestination } from './log-destination';
import { loggableError } from './loggable-error';

/** The path of a request without its query string (which could one day carry a token). */
const pathOf = (url: string | undefined): string => (url ?? '').split('?')[0] ?? '';

/**
 * Paths no log line may carry even if a serializer changes: headers (cookies hold session tokens)
 * and anything shaped like a body, an answer, a password or a token.
 */
export const REDACTED_PATHS = [
  'req.headers',
  'res.headers',
  'req.body',
  'body',
  'answers',
  'password',
  'token',
  '*.body',
  '*.answers',
  '*.password',
  '*.token',
  '*.cookie',
];

/**
 * Structured JSON logs, one line per event, on standard output. Every request gets an id (also
 * sent back as X-Request-Id) and one line when it completes: method, path, status, time taken.
 * Never a body, a header, a query string, the client's address or user agent: a survey response
 * must not be traceable to a device, and answers, passwords and session tokens never appear.
 */
export function pinoHttpOptions(config: Pick<AppConfig, 'logLevel'>): Options {
  return {
    level: config.logLevel,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    quietReqLogger: true,
    autoLogging: { ignore: (req: IncomingMessage) => pathOf(req.url) === '/api/health' },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method ?? ''} ${pathOf(req.url)} ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method ?? ''} ${pathOf(req.url)} ${res.statusCode}`,
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.url),
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: loggableError,
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
}

/**
 * The app's logger (nestjs-pino), so Nest's and our `Logger` calls come out as the same JSON
 * lines. The request logging is installed by `logRequests` as plain Express middleware, not by
 * Nest, which would register it as routes of every method.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [pinoHttpOptions(config), logDestination()],
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule {}

/** Gives a request its id (req.id, X-Request-Id) and its logger (req.log), and logs it when it completes. */
export type RequestLogger = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Logs every request (see pinoHttpOptions) and binds its id to whatever is logged while serving it.
 * Returns the request logger for the intake lane, which answers its route before Express.
 */
export async function logRequests(
  app: INestApplication,
  config: AppConfig,
): Promise<RequestLogger> {
  const logger = await app.resolve(PinoLogger);
  const httpLogger = pinoHttp(pinoHttpOptions(config), logDestination());
  app.use(httpLogger);
  app.use((req: IncomingMessage & { id?: unknown }, _res: ServerResponse, next: () => void) =>
    logger.runInContext(next, { bindings: { reqId: req.id } }),
  );
  return (req, res) => httpLogger(req, res);
}
