import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { InstrumentVersionView } from '@swhc/contracts';
import { CLOCK, type Clock, nowOf } from '../common/clock';
import { Roles } from '../common/roles.decorator';
import { CurrentStaff, type SignedInStaff } from '../common/signed-in-staff';
import { InstrumentsService } from './instruments.service';

/** Administrators list instrument versions and publish new ones; a published one never changes. */
@ApiTags('admin: instruments')
@ApiCookieAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Not an administrator (audited)' })
@Roles('admin')
@Controller('admin/instruments')
export class AdminInstrumentsController {
  constructor(
    private readonly instruments: InstrumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Every published version with its content hash' })
  list(): Promise<InstrumentVersionView[]> {
    return this.instruments.list();
  }

  @Post()
  @ApiBody({
    description: 'An instrument definition (the shape of libs/instruments InstrumentDefinition)',
    schema: { type: 'object' },
  })
  @ApiCreatedResponse({ description: 'Published' })
  @ApiBadRequestResponse({ description: 'Every problem of the definition, by path' })
  @ApiConflictResponse({ description: 'That key and version are already published' })
  publish(
    @CurrentStaff() staff: SignedInStaff,
    // The definition is validated by libs/instruments, which names every problem by its path.
    @Body() body: unknown,
  ): Promise<InstrumentVersionView> {
    return this.instruments.publish(body, staff, nowOf(this.clock));
  }
}
