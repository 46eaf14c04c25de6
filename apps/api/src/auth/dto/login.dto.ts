import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest, OrganisationRef, StaffProfile, StaffRoleName } from '@swhc/contracts';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'psw-e06000001@demo.test', maxLength: 254 })
  @IsString({ message: 'Enter your email address' })
  @IsNotEmpty({ message: 'Enter your email address' })
  @MaxLength(254, { message: 'Email address must be 254 characters or fewer' })
  @Matches(/^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/, {
    message: 'Enter an email address in the correct format, like name@example.com',
  })
  email: string;

  @ApiProperty({ example: 'demo-password-1', maxLength: 1000 })
  @IsString({ message: 'Enter your password' })
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(1000, { message: 'Password must be 1000 characters or fewer' })
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
