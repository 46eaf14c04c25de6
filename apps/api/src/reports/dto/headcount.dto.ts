import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_KINDS, type HeadcountRequest, type ServiceKind } from '@swhc/contracts';
import { IsDefined, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';

/** How many social workers the service employs in a wave: the denominator of the response rate. */
export class HeadcountDto implements HeadcountRequest {
  @ApiProperty({ format: 'uuid' })
  @IsDefined({ message: 'is required' })
  @IsUUID('all', { message: 'must be the id of a wave' })
  wave: string;

  @ApiProperty({ enum: SERVICE_KINDS })
  @IsDefined({ message: 'is required' })
  @IsIn(SERVICE_KINDS, { message: 'must be children or adults' })
  service: ServiceKind;

  @ApiProperty({ minimum: 1, maximum: 100000, example: 120 })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100000, { message: 'must be at most 100,000' })
  headcount: number;
}
