import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { PASSWORD_MIN_LENGTH } from '@swhc/contracts';
import { MINIMUM_GROUP_SIZE_CEILING, MINIMUM_GROUP_SIZE_FLOOR } from '@swhc/disclosure';
import { Roles } from '../common/roles.decorator';
import { CurrentStaff, type SignedInStaff } from '../common/signed-in-staff';
import {
  AccountIdParams,
  AuditEventViewDto,
  AuditQueryDto,
  CreateStaffAccountDto,
  MinimumGroupSizeDto,
  OrganisationListItemDto,
  PlatformSettingsDto,
  SetAccountOrganisationsDto,
  SetPasswordDto,
  StaffAccountSummaryDto,
} from './dto/admin.dto';
import { StaffAdminService } from './staff-admin.service';

@ApiTags('admin')
@ApiCookieAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Not an administrator (audited)' })
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: StaffAdminService) {}

  @Get('accounts')
  @ApiOkResponse({ type: [StaffAccountSummaryDto] })
  listAccounts(): Promise<StaffAccountSummaryDto[]> {
    return this.admin.listAccounts();
  }

  @Post('accounts')
  @ApiCreatedResponse({ type: StaffAccountSummaryDto })
  @ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}' })
  @ApiConflictResponse({ description: 'The email is already used' })
  createAccount(
    @CurrentStaff() staff: SignedInStaff,
    @Body() body: CreateStaffAccountDto,
  ): Promise<StaffAccountSummaryDto> {
    return this.admin.createAccount(staff, body);
  }

  @Get('accounts/:id')
  @ApiOkResponse({ type: StaffAccountSummaryDto })
  @ApiNotFoundResponse({ description: 'No such account (also for an id that is not a UUID)' })
  account(@Param('id') id: string): Promise<StaffAccountSummaryDto> {
    return this.admin.account(id);
  }

  @Put('accounts/:id/organisations')
  @ApiOkResponse({
    type: StaffAccountSummaryDto,
    description: 'The PSW is now bound to exactly these LAs',
  })
  @ApiBadRequestResponse({ description: 'Unknown LA codes, none at all, or not a PSW' })
  @ApiNotFoundResponse({ description: 'No such account' })
  setOrganisations(
    @CurrentStaff() staff: SignedInStaff,
    @Param() params: AccountIdParams,
    @Body() body: SetAccountOrganisationsDto,
  ): Promise<StaffAccountSummaryDto> {
    return this.admin.setOrganisations(staff, params.id, body.gssCodes);
  }

  @Put('accounts/:id/password')
  @ApiOkResponse({
    type: StaffAccountSummaryDto,
    description: 'New password set; signed out everywhere; any lock-out lifted',
  })
  @ApiBadRequestResponse({ description: `Password shorter than ${PASSWORD_MIN_LENGTH} characters` })
  @ApiNotFoundResponse({ description: 'No such account' })
  setPassword(
    @CurrentStaff() staff: SignedInStaff,
    @Param() params: AccountIdParams,
    @Body() body: SetPasswordDto,
  ): Promise<StaffAccountSummaryDto> {
    return this.admin.setPassword(staff, params.id, body.password);
  }

  @Post('accounts/:id/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: StaffAccountSummaryDto,
    description: 'Disabled and signed out everywhere',
  })
  @ApiNotFoundResponse({ description: 'No such account' })
  disable(
    @CurrentStaff() staff: SignedInStaff,
    @Param() params: AccountIdParams,
  ): Promise<StaffAccountSummaryDto> {
    return this.admin.setDisabled(staff, params.id, true);
  }

  @Post('accounts/:id/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: StaffAccountSummaryDto, description: 'May sign in again' })
  @ApiNotFoundResponse({ description: 'No such account' })
  enable(
    @CurrentStaff() staff: SignedInStaff,
    @Param() params: AccountIdParams,
  ): Promise<StaffAccountSummaryDto> {
    return this.admin.setDisabled(staff, params.id, false);
  }

  @Get('organisations')
  @ApiOkResponse({ type: [OrganisationListItemDto], description: 'Every LA, for binding PSWs' })
  organisations(): Promise<OrganisationListItemDto[]> {
    return this.admin.organisationList();
  }

  @Get('settings')
  @ApiOkResponse({ type: PlatformSettingsDto })
  settings(): Promise<PlatformSettingsDto> {
    return this.admin.platformSettings();
  }

  @Put('settings/minimum-group-size')
  @ApiOkResponse({ type: PlatformSettingsDto })
  @ApiBadRequestResponse({
    description: `Not a whole number from ${MINIMUM_GROUP_SIZE_FLOOR} to ${MINIMUM_GROUP_SIZE_CEILING}`,
  })
  setMinimumGroupSize(
    @CurrentStaff() staff: SignedInStaff,
    @Body() body: MinimumGroupSizeDto,
  ): Promise<PlatformSettingsDto> {
    return this.admin.setMinimumGroupSize(staff, body.minimumGroupSize);
  }

  @Get('audit-events')
  @ApiOkResponse({ type: [AuditEventViewDto], description: 'Most recent first' })
  auditEvents(@Query() query: AuditQueryDto): Promise<AuditEventViewDto[]> {
    return this.admin.recentAuditEvents(query.limit ?? 100);
  }
}
