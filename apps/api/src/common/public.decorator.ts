import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'swhc:isPublic';

/** Marks a route (or controller) as open to anyone; every other route is denied by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
