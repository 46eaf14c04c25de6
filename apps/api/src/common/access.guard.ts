import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { StaffRoleName } from '@swhc/contracts';
import { auditActor, AuditService } from '../audit/audit.service';
import { SIGN_IN_TO_CONTINUE } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { NotSignedInError, PermissionDeniedError } from './errors';
import { IS_PUBLIC } from './public.decorator';
import { ROLES } from './roles.decorator';
import { clearSessionCookie, cookieShouldBeSecure, sessionTokenOf } from './session-cookie';
import type { RequestWithStaff } from './signed-in-staff';

/** What a route declares about who may use it: public, some roles, or nothing (denied). */
export type AccessDeclaration =
  { kind: 'public' } | { kind: 'roles'; roles: readonly StaffRoleName[] } | { kind: 'undeclared' };

export function accessDeclarationOf(
  reflector: Reflector,
  targets: Parameters<Reflector['getAllAndOverride']>[1],
): AccessDeclaration {
  if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return { kind: 'public' };
  const roles = reflector.getAllAndOverride<StaffRoleName[] | undefined>(ROLES, targets);
  if (roles && roles.length > 0) return { kind: 'roles', roles };
  return { kind: 'undeclared' };
}

/**
 * The one global guard: every route is denied unless it declares @Public() or @Roles(...).
 * Routes with @Roles need a live session (401 otherwise) in one of the roles (403 otherwise, and
 * the denial is audited). The signed-in staff member is put on req.staff.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const declaration = accessDeclarationOf(this.reflector, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (declaration.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<RequestWithStaff>();
    const path = req.originalUrl.split('?')[0] ?? '';
    if (declaration.kind === 'undeclared') {
      this.logger.error(`${req.method} ${path} declares neither @Public() nor @Roles(): denied`);
      throw new PermissionDeniedError('This page is not available');
    }
    const res = context.switchToHttp().getResponse<Response>();
    // Staff answers (and their refusals) are for this person now: no cache may keep them.
    res.setHeader('Cache-Control', 'no-store');

    const token = sessionTokenOf(req);
    const staff = token ? await this.sessions.authenticate(token) : null;
    if (!staff) {
      if (token) {
        clearSessionCookie(res, cookieShouldBeSecure(req, this.config.secureCookies));
      }
      throw new NotSignedInError(SIGN_IN_TO_CONTINUE);
    }
    req.staff = staff;
    if (declaration.roles.includes(staff.role)) return true;

    await this.audit.record({
      action: 'permission-denied',
      ...auditActor(staff),
      target: `${req.method} ${path}`.slice(0, 300),
      detail: { allowedRoles: declaration.roles.join(',') },
    });
    throw new PermissionDeniedError('You do not have permission to use this page');
  }
}
