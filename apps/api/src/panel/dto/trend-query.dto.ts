import { ApiPropertyOptional } from '@nestjs/swagger';
import type { TrendWeighting } from '@swhc/contracts';
import { IsIn, IsOptional } from 'class-validator';

const WEIGHTINGS: readonly TrendWeighting[] = ['unweighted', 'membership', 'margins'];

export class TrendQueryDto {
  @ApiPropertyOptional({
    enum: WEIGHTINGS,
    description:
      'Raked to the panel membership (default) or to the margins an admin entered; the unweighted estimate is always given',
  })
  @IsOptional()
  @IsIn(WEIGHTINGS, { message: `must be one of ${WEIGHTINGS.join(', ')}` })
  weighting?: TrendWeighting;
}
