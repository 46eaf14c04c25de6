import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { RequestListener, Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import { SIGN_IN_TO_CONTINUE } from './auth/auth.service';
import { SessionsService } from './auth/sessions.service';
import { csrfProtection } from './common/csrf.middleware';
import { invalidRequest, NotSignedInError } from './common/errors';
import { ONE_CLICK_UNSUBSCRIBE_PATH } from './panel/panel-links';
import { jsonBody } from './common/json-body.middleware';
import { SESSION_COOKIE, sessionTokenOf } from './common/session-cookie';
import type { AppConfig } from './config/app-config';
import { logRequests } from './logging/logging.module';
import { SurveysService } from './surveys/surveys.service';
import { webAppHandler } from './web-app/serve-web-app';
import { type IntakeLane, intakeLane } from './surveys/intake-lane';
import { fixedSecurityHeaders, securityHeaders } from './common/security-headers';

/**
 * The OpenAPI documentation, for whom the configuration says: anyone (development), signed-in
 * staff (production's default: it maps every route), or nobody.
 */
function serveApiDocs(app: NestExpressApplication, config: AppConfig): void {
  if (config.apiDocs === 'off') return;
  if (config.apiDocs === 'staff') {
    const sessions = app.get(SessionsService);
    const staffOnly = (req: Request, _res: Response, next: NextFunction): void => {
      const token = sessionTokenOf(req);
      void (token ? sessions.authenticate(token) : Promise.resolve(null)).then(
        (staff) => next(staff ? undefined : new NotSignedInError(SIGN_IN_TO_CONTINUE)),
        next,
      );
    };
    app.use(['/api/docs', '/api/docs-json', '/api/docs-yaml'], staffOnly);
  }
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
}

/**
 * The HTTP server hands each request to the intake lane first and to Express only when the lane
 * leaves it (see intake-lane.ts).
 */
function answerIntakeFirst(app: NestExpressApplication, lane: IntakeLane): void {
  const server: Server = app.getHttpServer();
  const express = app.getHttpAdapter().getInstance() as RequestListener;
  server.removeListener('request', express);
  if (server.listenerCount('request') > 0)
    throw new Error('Express is not the only request listener');
  server.on('request', (req, res) => {
    if (!lane(req, res)) express(req, res);
  });
}

/** Everything about the HTTP app besides its modules; shared by main.ts and the e2e tests. */
export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<void> {
  app.disable('x-powered-by');
  const logRequest = await logRequests(app, config);
  answerIntakeFirst(
    app,
    intakeLane({
      surveys: app.get(SurveysService),
      logRequest,
      securityHeaders: fixedSecurityHeaders(config),
    }),
  );
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  app.use(securityHeaders(config));
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
  serveApiDocs(app, config);
  const surveys = app.get(SurveysService);
  const webApp = webAppHandler(config.webRoot, {
    sourceMaps: !config.production,
    // A survey link's page carries its definition, saving the phone a round trip to the api.
    surveyFor: (code) => surveys.describe(code),
  });
  if (webApp) app.use(webApp);
}
