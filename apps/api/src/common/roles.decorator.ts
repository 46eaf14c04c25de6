import { SetMetadata } from '@nestjs/common';
import type { StaffRoleName } from '@swhc/contracts';

export const ROLES = 'swhc:roles';

/** Declares which signed-in roles may use a route (or every route of a controller). */
export const Roles = (...roles: StaffRoleName[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);
