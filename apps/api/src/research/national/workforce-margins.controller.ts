import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { WorkforceMargins, WorkforceMarginsOverview } from '@swhc/contracts';
import { CLOCK, nowOf, type Clock } from '../../common/clock';
import { Roles } from '../../common/roles.decorator';
import { CurrentStaff, type SignedInStaff } from '../../common/signed-in-staff';
import { WorkforceMarginsService } from './workforce-margins.service';

/** The workforce margins the national picture is raked to (administrators only; changes audited). */
@ApiTags('admin')
@ApiCookieAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Not an administrator (audited)' })
@Roles('admin')
@Controller('admin/workforce-margins')
export class WorkforceMarginsController {
  constructor(
    private readonly margins: WorkforceMarginsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Stored margins per service and the categories a margin lists' })
  overview(): Promise<WorkforceMarginsOverview> {
    return this.margins.overview();
  }

  @Put()
  @ApiOkResponse({ description: 'One service’s margins as stored' })
  @ApiBadRequestResponse({ description: '{message, errors:[{field, message}]} naming each field' })
  save(
    @Body() body: Record<string, unknown>,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<WorkforceMargins> {
    return this.margins.save(body, staff, nowOf(this.clock));
  }
}
