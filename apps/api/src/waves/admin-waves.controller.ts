import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { EnrolmentView, EnrolResult, WaveDetail, WaveView } from '@swhc/contracts';
import { Roles } from '../common/roles.decorator';
import { CurrentStaff, type SignedInStaff } from '../common/signed-in-staff';
import { ChangeWaveDto, CreateWaveDto, EnrolDto } from './dto/wave.dto';
import { EnrolmentsService } from './enrolments.service';
import { type Actor, WavesService } from './waves.service';

export const actorOf = (staff: SignedInStaff): Actor => ({
  accountId: staff.accountId,
  email: staff.email,
  role: staff.role,
});

/** Administrators run waves: create, change, schedule, close, enrol LAs, replace leaked links. */
@ApiTags('admin: waves')
@ApiCookieAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Not an administrator (audited)' })
@ApiNotFoundResponse({ description: 'No such wave (or enrolment)' })
@Roles('admin')
@Controller('admin/waves')
export class AdminWavesController {
  constructor(
    private readonly waves: WavesService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Every wave, newest first, with its state and counts' })
  list(): Promise<WaveView[]> {
    return this.waves.list();
  }

  @Post()
  @ApiCreatedResponse({ description: 'The new wave, a draft' })
  @ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}; nothing stored' })
  @ApiConflictResponse({ description: 'The name is taken' })
  create(@CurrentStaff() staff: SignedInStaff, @Body() body: CreateWaveDto): Promise<WaveView> {
    return this.waves.create(actorOf(staff), body);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The wave with its enrolments and links' })
  detail(@Param('id') id: string): Promise<WaveDetail> {
    return this.waves.detail(id);
  }

  @Put(':id')
  @ApiOkResponse({ description: 'Changed (audited)' })
  @ApiBadRequestResponse({ description: 'A field is not valid' })
  @ApiConflictResponse({ description: 'The wave’s state forbids this change (the state is named)' })
  change(
    @CurrentStaff() staff: SignedInStaff,
    @Param('id') id: string,
    @Body() body: ChangeWaveDto,
  ): Promise<WaveView> {
    return this.waves.change(actorOf(staff), id, body);
  }

  @Post(':id/schedule')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Scheduled: PSWs see it and LAs can be enrolled' })
  @ApiConflictResponse({ description: 'Not a draft (the state is named)' })
  schedule(@CurrentStaff() staff: SignedInStaff, @Param('id') id: string): Promise<WaveView> {
    return this.waves.schedule(actorOf(staff), id);
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Closed now: answers are refused and reports released' })
  @ApiConflictResponse({ description: 'Not open (the state is named)' })
  close(@CurrentStaff() staff: SignedInStaff, @Param('id') id: string): Promise<WaveView> {
    return this.waves.closeNow(actorOf(staff), id);
  }

  @Post(':id/enrolments')
  @ApiCreatedResponse({ description: 'The enrolments made, with their links' })
  @ApiBadRequestResponse({ description: 'Unknown GSS codes, region or services' })
  @ApiConflictResponse({
    description: 'Already enrolled, overlapping waves, or a draft or closed wave',
  })
  enrol(
    @CurrentStaff() staff: SignedInStaff,
    @Param('id') id: string,
    @Body() body: EnrolDto,
  ): Promise<EnrolResult> {
    return this.enrolments.enrol(actorOf(staff), id, body);
  }

  @Delete(':id/enrolments/:gssCode/:service')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Withdrawn: the link is gone' })
  @ApiConflictResponse({ description: 'People have answered, or the wave has closed' })
  async withdraw(
    @CurrentStaff() staff: SignedInStaff,
    @Param('id') id: string,
    @Param('gssCode') gssCode: string,
    @Param('service') service: string,
  ): Promise<void> {
    await this.enrolments.withdraw(actorOf(staff), id, gssCode, service);
  }

  @Post(':id/enrolments/:gssCode/:service/replace-link')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The new link; the old code answers 410 from now on' })
  @ApiConflictResponse({ description: 'The wave has closed' })
  replaceLink(
    @CurrentStaff() staff: SignedInStaff,
    @Param('id') id: string,
    @Param('gssCode') gssCode: string,
    @Param('service') service: string,
  ): Promise<EnrolmentView> {
    return this.enrolments.replaceLink(actorOf(staff), id, gssCode, service);
  }
}
