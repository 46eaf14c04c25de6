import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ChangeWaveRequest,
  type CreateWaveRequest,
  ENROLMENT_SCOPES,
  type EnrolmentScope,
  type EnrolRequest,
  SERVICE_KINDS,
  type SelfEnrolRequest,
  type ServiceKind,
  WAVE_NAME_MAX_LENGTH,
} from '@swhc/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

const TIME_HELP =
  'London time: a date (2026-03-31: the start of that day for an opening, 23:59:59 for a closing), ' +
  'a date and time (2026-03-31T17:00), or an ISO instant with Z or an offset';

export class CreateWaveDto implements CreateWaveRequest {
  @ApiProperty({ example: 'Health Check 2027', maxLength: WAVE_NAME_MAX_LENGTH })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be text' })
  @MaxLength(WAVE_NAME_MAX_LENGTH, {
    message: `must be at most ${WAVE_NAME_MAX_LENGTH} characters`,
  })
  name: string;

  @ApiProperty({ format: 'uuid', description: 'A published instrument version' })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be the id of a published instrument version' })
  @MaxLength(64, { message: 'must be the id of a published instrument version' })
  instrumentId: string;

  @ApiProperty({ enum: SERVICE_KINDS, isArray: true })
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be a list: children, adults or both' })
  @ArrayMaxSize(2, { message: 'must be children, adults or both' })
  @IsIn(SERVICE_KINDS, { each: true, message: 'must be children, adults or both' })
  services: ServiceKind[];

  @ApiProperty({ example: '2027-02-01', description: TIME_HELP })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a date or date and time' })
  @MaxLength(40, { message: 'must be a date or date and time' })
  opensAt: string;

  @ApiProperty({ example: '2027-03-31', description: TIME_HELP })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a date or date and time' })
  @MaxLength(40, { message: 'must be a date or date and time' })
  closesAt: string;
}

export class ChangeWaveDto implements ChangeWaveRequest {
  @ApiPropertyOptional({ maxLength: WAVE_NAME_MAX_LENGTH })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(WAVE_NAME_MAX_LENGTH, {
    message: `must be at most ${WAVE_NAME_MAX_LENGTH} characters`,
  })
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString({ message: 'must be the id of a published instrument version' })
  @MaxLength(64, { message: 'must be the id of a published instrument version' })
  instrumentId?: string;

  @ApiPropertyOptional({ enum: SERVICE_KINDS, isArray: true })
  @IsOptional()
  @IsArray({ message: 'must be a list: children, adults or both' })
  @ArrayMaxSize(2, { message: 'must be children, adults or both' })
  @IsIn(SERVICE_KINDS, { each: true, message: 'must be children, adults or both' })
  services?: ServiceKind[];

  @ApiPropertyOptional({ description: TIME_HELP })
  @IsOptional()
  @IsString({ message: 'must be a date or date and time' })
  @MaxLength(40, { message: 'must be a date or date and time' })
  opensAt?: string;

  @ApiPropertyOptional({
    description: `${TIME_HELP}. While open: later or earlier, never before now`,
  })
  @IsOptional()
  @IsString({ message: 'must be a date or date and time' })
  @MaxLength(40, { message: 'must be a date or date and time' })
  closesAt?: string;
}

export class EnrolDto implements EnrolRequest {
  @ApiProperty({ enum: ENROLMENT_SCOPES })
  @IsDefined({ message: 'is required' })
  @IsIn(ENROLMENT_SCOPES, { message: 'must be england, region or list' })
  scope: EnrolmentScope;

  @ApiPropertyOptional({ example: 'North East', description: 'For scope "region"' })
  @IsOptional()
  @IsString({ message: 'must be the name of a region' })
  @MaxLength(100, { message: 'must be the name of a region' })
  region?: string;

  @ApiPropertyOptional({ example: ['E06000001'], description: 'For scope "list"' })
  @IsOptional()
  @IsArray({ message: 'must be a list of GSS codes' })
  @ArrayMaxSize(400, { message: 'must list at most 400 LAs' })
  @IsString({ each: true, message: 'must be a list of GSS codes' })
  @MaxLength(16, { each: true, message: 'must be a list of GSS codes' })
  gssCodes?: string[];

  @ApiPropertyOptional({ enum: SERVICE_KINDS, isArray: true, description: "Default: the wave's" })
  @IsOptional()
  @IsArray({ message: 'must be a list: children, adults or both' })
  @ArrayMaxSize(2, { message: 'must be children, adults or both' })
  @IsIn(SERVICE_KINDS, { each: true, message: 'must be children, adults or both' })
  services?: ServiceKind[];
}

export class SelfEnrolDto implements SelfEnrolRequest {
  @ApiProperty({ format: 'uuid' })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be the id of a wave' })
  @MaxLength(64, { message: 'must be the id of a wave' })
  wave: string;

  @ApiProperty({ enum: SERVICE_KINDS })
  @IsDefined({ message: 'is required' })
  @IsIn(SERVICE_KINDS, { message: 'must be children or adults' })
  service: ServiceKind;
}
