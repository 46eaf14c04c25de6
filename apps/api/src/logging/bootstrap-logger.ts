import type { LoggerService } from '@nestjs/common';
import pino from 'pino';
import type { LogLevel } from '../config/app-config';
import { logDestination } from './log-destination';
import { loggableError } from './loggable-error';

/**
 * The same JSON lines as the app's request logs, for what happens outside a Nest app: the
 * primary process that migrates and supervises the workers, and the start before the app's own
 * logger is ready. Install with `Logger.overrideLogger(bootstrapLogger(level))`.
 */
export function bootstrapLogger(level: LogLevel): LoggerService {
  const logger = pino({ level, serializers: { err: loggableError } }, logDestination());
  const write =
    (method: 'info' | 'warn' | 'error' | 'debug' | 'trace') =>
    (message: unknown, ...rest: unknown[]): void => {
      const context = rest.find((r) => typeof r === 'string');
      const text = typeof message === 'string' ? message : loggableError(message);
      logger[method]({ context }, typeof text === 'string' ? text : JSON.stringify(text));
    };
  return {
    log: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    verbose: write('trace'),
  };
}
