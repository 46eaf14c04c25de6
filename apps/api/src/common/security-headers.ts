import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';

/**
 * The security headers of every answer (helmet): a content security policy that allows nothing
 * from third parties, so respondents' addresses stay with us, and helmet's other defaults.
 */
export function securityHeaders(config: Pick<AppConfig, 'secureCookies'>) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    hsts: config.secureCookies,
  });
}

/**
 * The same headers as a fixed list, for a route answered without Express: helmet's headers do not
 * depend on the request, so they are recorded once from the middleware itself.
 */
export function fixedSecurityHeaders(
  config: Pick<AppConfig, 'secureCookies'>,
): readonly (readonly [string, string])[] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  securityHeaders(config)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error instanceof Error) throw error;
      if (error !== undefined) throw new Error('helmet refused its configuration');
    },
  );
  return [...headers];
}
