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
import { STAFF_ROLE_NAMES } from '@swhc/contracts';
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

const GSS_CODE = /^[A-Za-z]\d{8}$/;

export class CreateStaffAccountDto implements CreateStaffAccountRequest {
  @ApiProperty({ example: 'jo.bloggs@council.gov.uk' })
  @IsString({ message: 'Enter an email address' })
  @IsNotEmpty({ message: 'Enter an email address' })
  @MaxLength(254, { message: 'Email address must be 254 characters or fewer' })
  email: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters; no composition rules' })
  @IsString({ message: 'Enter a password' })
  @MaxLength(1000, { message: 'Password must be 1000 characters or fewer' })
  password: string;

  @ApiProperty({ enum: STAFF_ROLE_NAMES })
  @IsIn(STAFF_ROLE_NAMES, { message: 'Select admin, psw or researcher' })
  role: StaffRoleName;

  @ApiPropertyOptional({ type: [String], example: ['E06000001'] })
  @IsOptional()
  @IsArray({ message: 'must be a list of GSS codes' })
  @ArrayMaxSize(200)
  @Matches(GSS_CODE, { each: true, message: 'each must be a GSS code like E06000001' })
  organisationGssCodes?: string[];
}

export class SetAccountOrganisationsDto implements SetAccountOrganisationsRequest {
  @ApiProperty({ type: [String], example: ['E06000001', 'E06000002'] })
  @IsArray({ message: 'must be a list of GSS codes' })
  @ArrayMaxSize(200)
  @Matches(GSS_CODE, { each: true, message: 'each must be a GSS code like E06000001' })
  gssCodes: string[];
}

export class SetPasswordDto implements SetAccountPasswordRequest {
  @ApiProperty({ minLength: 12, description: 'At least 12 characters; no composition rules' })
  @IsString({ message: 'Enter a password' })
  @MaxLength(1000, { message: 'Password must be 1000 characters or fewer' })
  password: string;
}

export class AccountIdParams {
  @IsUUID('all', { message: 'must be an account id (a UUID)' })
  id: string;
}

export class MinimumGroupSizeDto implements MinimumGroupSizeRequest {
  @ApiProperty({ minimum: 5, maximum: 100, example: 10 })
  @IsInt({ message: 'must be a whole number' })
  @Min(5, { message: 'must be 5 or more' })
  @Max(100, { message: 'must be 100 or less' })
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
