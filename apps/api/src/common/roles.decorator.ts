import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from '../accounts/staff-role';

export const ROLES = 'swhc:roles';

/** Declares which signed-in roles may use a route (or every route of a controller). */
export const Roles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);
