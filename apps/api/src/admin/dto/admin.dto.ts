import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AuditEventView,
  CreateStaffAccountRequest,
  MinimumGroupSizeRequest,
  OrganisationListItem,
  PlatformSettings,
  SetAccountOrganisationsRequest,
  SetAccountPasswordRequest,
  StaffAccountSummary,
  StaffRoleName,
} from '@swhc/contracts';
import {
  EMAIL_MAX_LENGTH,
  GSS_CODE_PATTERN,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  STAFF_ROLE_NAMES,
} from '@swhc/contracts';
import {
  DEFAULT_MINIMUM_GROUP_SIZE,
  MINIMUM_GROUP_SIZE_CEILING,
  MINIMUM_GROUP_SIZE_FLOOR,
} from '@swhc/disclosure';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { OrganisationRefDto } from '../../auth/dto/login.dto';

const PASSWORD_DESCRIPTION = `At least ${PASSWORD_MIN_LENGTH} characters; no composition rules`;

export class CreateStaffAccountDto implements CreateStaffAccountRequest {
  @ApiProperty({ example: 'jo.bloggs@council.gov.uk' })
  @IsString({ message: 'Enter an email address' })
  @IsNotEmpty({ message: 'Enter an email address' })
  @MaxLength(EMAIL_MAX_LENGTH, {
    message: `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`,
  })
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: PASSWORD_DESCRIPTION })
  @IsString({ message: 'Enter a password' })
  @MaxLength(PASSWORD_MAX_LENGTH, {
    message: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  })
  password: string;

  @ApiProperty({ enum: STAFF_ROLE_NAMES })
  @IsIn(STAFF_ROLE_NAMES, { message: 'Select admin, psw or researcher' })
  role: StaffRoleName;

  @ApiPropertyOptional({ type: [String], example: ['E06000001'] })
  @IsOptional()
  @IsArray({ message: 'must be a list of GSS codes' })
  @ArrayMaxSize(200)
  @Matches(GSS_CODE_PATTERN, { each: true, message: 'each must be a GSS code like E06000001' })
  organisationGssCodes?: string[];
}

export class SetAccountOrganisationsDto implements SetAccountOrganisationsRequest {
  @ApiProperty({ type: [String], example: ['E06000001', 'E06000002'] })
  @IsArray({ message: 'must be a list of GSS codes' })
  @ArrayMaxSize(200)
  @Matches(GSS_CODE_PATTERN, { each: true, message: 'each must be a GSS code like E06000001' })
  gssCodes: string[];
}

export class SetPasswordDto implements SetAccountPasswordRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: PASSWORD_DESCRIPTION })
  @IsString({ message: 'Enter a password' })
  @MaxLength(PASSWORD_MAX_LENGTH, {
    message: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  })
  password: string;
}

export class AccountIdParams {
  @IsUUID('all', { message: 'must be an account id (a UUID)' })
  id: string;
}

export class MinimumGroupSizeDto implements MinimumGroupSizeRequest {
  @ApiProperty({
    minimum: MINIMUM_GROUP_SIZE_FLOOR,
    maximum: MINIMUM_GROUP_SIZE_CEILING,
    example: DEFAULT_MINIMUM_GROUP_SIZE,
  })
  @IsInt({ message: 'must be a whole number' })
  @Min(MINIMUM_GROUP_SIZE_FLOOR, { message: `must be ${MINIMUM_GROUP_SIZE_FLOOR} or more` })
  @Max(MINIMUM_GROUP_SIZE_CEILING, { message: `must be ${MINIMUM_GROUP_SIZE_CEILING} or less` })
  minimumGroupSize: number;
}

export class AuditQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(500, { message: 'must be 500 or less' })
  limit?: number;
}

export class StaffAccountSummaryDto implements StaffAccountSummary {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: STAFF_ROLE_NAMES }) role: StaffRoleName;
  @ApiProperty({ type: [OrganisationRefDto] }) organisations: OrganisationRefDto[];
  @ApiProperty({ type: String, nullable: true }) disabledAt: string | null;
  @ApiProperty() createdAt: string;
}

export class PlatformSettingsDto implements PlatformSettings {
  @ApiProperty() minimumGroupSize: number;
  @ApiProperty() lowestMinimumGroupSize: number;
}

export class OrganisationListItemDto implements OrganisationListItem {
  @ApiProperty() gssCode: string;
  @ApiProperty() name: string;
  @ApiProperty() region: string;
}

export class AuditEventViewDto implements AuditEventView {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) actorEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty({ type: String, nullable: true }) target: string | null;
  @ApiProperty({ type: Object, nullable: true })
  detail: Record<string, string | number | boolean | null> | null;
}
