import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { EnrolmentView, HealthCheckRun } from '@swhc/contracts';
import { Roles } from '../common/roles.decorator';
import { CurrentStaff, type SignedInStaff } from '../common/signed-in-staff';
import { actorOf } from './admin-waves.controller';
import { SelfEnrolDto } from './dto/wave.dto';
import { EnrolmentsService } from './enrolments.service';
import { HealthCheckRunService } from './health-check-run.service';

/** A PSW runs their LA's health check: links, enrolment, counts. Another LA's is "not found". */
@ApiTags('run your health check')
@Controller('organisations/:gssCode')
@Roles('admin', 'psw')
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiNotFoundResponse({ description: 'No such LA, or not one the caller may see' })
export class HealthCheckRunController {
  constructor(
    private readonly runs: HealthCheckRunService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  @Get('survey')
  @ApiOkResponse({ description: 'Links and response counts (libs/contracts HealthCheckRun)' })
  async run(
    @CurrentStaff() staff: SignedInStaff,
    @Param('gssCode') gssCode: string,
  ): Promise<HealthCheckRun> {
    return this.runs.run(await this.runs.organisationFor(staff, gssCode));
  }

  @Post('enrolments')
  @ApiCreatedResponse({ description: 'Enrolled: the new link' })
  @ApiBadRequestResponse({ description: 'Unknown wave or a service the wave does not run' })
  @ApiConflictResponse({
    description: 'Already enrolled, overlapping waves, or a wave that is a draft or closed',
  })
  async enrol(
    @CurrentStaff() staff: SignedInStaff,
    @Param('gssCode') gssCode: string,
    @Body() body: SelfEnrolDto,
  ): Promise<EnrolmentView> {
    const organisation = await this.runs.organisationFor(staff, gssCode);
    return this.enrolments.enrolOne(actorOf(staff), organisation, body.wave, body.service);
  }
}
