import { ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_KINDS, type ServiceKind } from '@swhc/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** ?wave=&service= of the national picture and its CSV; both optional (latest closed wave, children's). */
export class NationalQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the most recent closed wave' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a wave' })
  wave?: string;

  @ApiPropertyOptional({ enum: SERVICE_KINDS, default: 'children' })
  @IsOptional()
  @IsIn(SERVICE_KINDS, { message: 'must be children or adults' })
  service?: ServiceKind;
}
