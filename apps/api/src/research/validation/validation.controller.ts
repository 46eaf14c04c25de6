import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { ValidationReport } from '@swhc/contracts';
import { Roles } from '../../common/roles.decorator';
import { ValidationQueryDto } from './dto/validation-query.dto';
import { ValidationReportService } from './validation-report.service';

/** The instrument's validation report (researchers and administrators). */
@ApiTags('research')
@ApiCookieAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Not a researcher or administrator (audited)' })
@Roles('researcher', 'admin')
@Controller('research')
export class ValidationController {
  constructor(private readonly validation: ValidationReportService) {}

  @Get('validation')
  @ApiOkResponse({
    description:
      'Item statistics, reliability, the CFA and measurement invariance over the closed waves of the version',
  })
  @ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}' })
  @ApiNotFoundResponse({ description: 'No such instrument version' })
  report(@Query() query: ValidationQueryDto): Promise<ValidationReport> {
    return this.validation.report(query.instrument, Number(query.version));
  }
}
