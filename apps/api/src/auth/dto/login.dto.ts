import { ApiProperty } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  isEmailAddress,
  type LoginRequest,
  type OrganisationRef,
  PASSWORD_MAX_LENGTH,
  type StaffProfile,
  type StaffRoleName,
} from '@swhc/contracts';
import { IsNotEmpty, IsString, MaxLength, ValidateBy } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'psw-e06000001@demo.test', maxLength: EMAIL_MAX_LENGTH })
  @IsString({ message: 'Enter your email address' })
  @IsNotEmpty({ message: 'Enter your email address' })
  @MaxLength(EMAIL_MAX_LENGTH, {
    message: `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`,
  })
  @ValidateBy({
    name: 'isEmailAddress',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isEmailAddress(value),
      defaultMessage: () => 'Enter an email address in the correct format, like name@example.com',
    },
  })
  email: string;

  @ApiProperty({ example: 'demo-password-1', maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'Enter your password' })
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(PASSWORD_MAX_LENGTH, {
    message: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  })
  password: string;
}

export class OrganisationRefDto implements OrganisationRef {
  @ApiProperty({ example: 'E06000001' })
  gssCode: string;

  @ApiProperty({ example: 'Hartlepool' })
  name: string;
}

export class StaffProfileDto implements StaffProfile {
  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ['admin', 'psw', 'researcher'] })
  role: StaffRoleName;

  @ApiProperty({ type: [OrganisationRefDto], description: 'LAs of a PSW; empty otherwise' })
  organisations: OrganisationRefDto[];
}
