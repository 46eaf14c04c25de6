import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** The `:code` of a survey link. Any other code is looked up (and not found); control characters cannot be stored, so are refused. */
export class SurveyCodeParams {
  @ApiProperty({ example: 'demo-e06000001-children' })
  @IsString()
  @Matches(/^\P{Cc}*$/u, { message: 'must not contain control characters' })
  code: string;
}
