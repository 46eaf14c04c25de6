import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { csrfProtection } from './common/csrf.middleware';
import { ONE_CLICK_UNSUBSCRIBE_PATH } from './panel/panel-links';
import { SESSION_COOKIE } from './common/session-cookie';
import { invalidRequest } from './common/errors';
import { jsonBody } from './common/json-body.middleware';
import type { AppConfig } from './config/app-config';

/** Serves the built web app with a fallback to index.html for its client-side routes. */
function serveWebApp(app: NestExpressApplication, webRoot: string): void {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(webRoot, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path === '/api' || req.path.startsWith('/api/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Everything about the HTTP app besides its modules; shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // Nothing from third parties: respondents' addresses stay with us.
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
    }),
  );
  app.use(cookieParser());
  app.use(csrfProtection([ONE_CLICK_UNSUBSCRIBE_PATH]));
  app.use(jsonBody());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
      exceptionFactory: invalidRequest,
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Social Work Health Check API')
      .setDescription('Public survey API, LA reports and administration.')
      .setVersion('1')
      // Staff routes use the session cookie set by POST /api/auth/login.
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app, config.webRoot);
}
