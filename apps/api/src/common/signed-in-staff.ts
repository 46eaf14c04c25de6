import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { StaffRoleName } from '@swhc/contracts';

/** Who is making the request, as the access guard found it from the session cookie. */
export interface SignedInStaff {
  readonly accountId: string;
  readonly sessionId: string;
  readonly email: string;
  readonly role: StaffRoleName;
  /** GSS codes of the LAs a PSW is bound to (empty for other roles). */
  readonly gssCodes: readonly string[];
}

export type RequestWithStaff = Request & { staff?: SignedInStaff };

/** Injects the signed-in staff member into a handler of a route declared with @Roles(). */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedInStaff => {
    const staff = context.switchToHttp().getRequest<RequestWithStaff>().staff;
    if (!staff) throw new Error('CurrentStaff used on a route without @Roles()');
    return staff;
  },
);
