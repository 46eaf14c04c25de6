import { ApiProperty } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  ENGLISH_REGIONS,
  GSS_CODE_PATTERN,
  isEmailAddress,
  PANEL_ROLES,
  SERVICE_KINDS,
  type JoinPanelRequest,
  type PanelRole,
  type PanelTokenRequest,
  type PausePanelMembershipRequest,
  type ServiceKind,
  type UpdatePanelProfileRequest,
} from '@swhc/contracts';
import {
  Equals,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { MAX_PAUSE_WEEKS } from '../members/members.service';

const ROLE_VALUES = PANEL_ROLES.map((r) => r.value);

/** The profile fields of a sign-up and of a profile change. */
class PanelProfileDto {
  @ApiProperty({
    nullable: true,
    example: 'E06000001',
    description: 'GSS code of the employing LA, or null',
  })
  @ValidateIf((o: { organisation?: unknown }) => o.organisation !== null)
  @IsString({
    message: 'must be the GSS code of a local authority, or null when the employer is not an LA',
  })
  @Matches(GSS_CODE_PATTERN, {
    message: 'must be a GSS code like E06000001, or null when the employer is not an LA',
  })
  organisation: string | null;

  @ApiProperty({ enum: ROLE_VALUES })
  @IsIn(ROLE_VALUES, { message: `must be one of ${ROLE_VALUES.join(', ')}` })
  role: PanelRole;

  @ApiProperty({ enum: SERVICE_KINDS })
  @IsIn(SERVICE_KINDS, { message: 'must be children or adults' })
  service: ServiceKind;

  @ApiProperty({ enum: ENGLISH_REGIONS })
  @IsIn(ENGLISH_REGIONS, { message: `must be one of ${ENGLISH_REGIONS.join(', ')}` })
  region: string;
}

export class JoinPanelDto extends PanelProfileDto implements JoinPanelRequest {
  @ApiProperty({ example: 'jo.bloggs@example.org' })
  @IsString({ message: 'must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH, { message: `must be ${EMAIL_MAX_LENGTH} characters or fewer` })
  @ValidateBy(
    {
      name: 'isEmailAddress',
      validator: { validate: (v) => typeof v === 'string' && isEmailAddress(v) },
    },
    { message: 'must be an email address, like name@example.org' },
  )
  email: string;

  @ApiProperty({ enum: [true], description: 'Agreement to the stated purpose and retention' })
  @Equals(true, { message: 'must be true: you need to agree to how we use your details to join' })
  consent: true;
}

export class PanelTokenDto implements PanelTokenRequest {
  @ApiProperty({ description: 'The token from an emailed link (the part after #)' })
  @IsString({ message: 'must be the token from the link' })
  @IsNotEmpty({ message: 'must be the token from the link' })
  @MaxLength(100, { message: 'must be the token from the link' })
  token: string;
}

export class UpdatePanelProfileDto extends PanelProfileDto implements UpdatePanelProfileRequest {
  @ApiProperty()
  @IsString({ message: 'must be the token from the link' })
  @MaxLength(100, { message: 'must be the token from the link' })
  token: string;
}

export class PausePanelMembershipDto implements PausePanelMembershipRequest {
  @ApiProperty()
  @IsString({ message: 'must be the token from the link' })
  @MaxLength(100, { message: 'must be the token from the link' })
  token: string;

  @ApiProperty({ minimum: 0, maximum: MAX_PAUSE_WEEKS, description: '0 resumes at once' })
  @IsInt({ message: `must be a whole number of weeks from 0 to ${MAX_PAUSE_WEEKS}` })
  @Min(0, { message: `must be a whole number of weeks from 0 to ${MAX_PAUSE_WEEKS}` })
  @Max(MAX_PAUSE_WEEKS, { message: `must be a whole number of weeks from 0 to ${MAX_PAUSE_WEEKS}` })
  weeks: number;
}
