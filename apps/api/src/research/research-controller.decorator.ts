import { applyDecorators, Controller } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../common/roles.decorator';

/**
 * A controller under `/api/research`: researchers and administrators only, the same access and
 * the same documented 401/403 for every research route.
 */
export const ResearchController = (): ClassDecorator =>
  applyDecorators(
    ApiTags('research'),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: 'Not a researcher or administrator (audited)' }),
    Roles('researcher', 'admin'),
    Controller('research'),
  );
