import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** ?instrument={key}&version={n} of the validation report; both required. */
export class ValidationQueryDto {
  @ApiProperty({ example: 'health-check', description: 'The instrument’s key' })
  @IsString({ message: 'must be the key of an instrument' })
  @Length(1, 64, { message: 'must be the key of an instrument (1 to 64 characters)' })
  instrument!: string;

  @ApiProperty({ example: '1', description: 'The instrument’s version (a whole number)' })
  @Matches(/^[1-9][0-9]{0,3}$/, { message: 'must be a whole number from 1 to 9999' })
  version!: string;
}
