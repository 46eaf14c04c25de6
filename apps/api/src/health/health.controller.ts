import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@swhc/contracts';
import { DataSource } from 'typeorm';
import { ServiceUnavailableError } from '../common/errors';
import { DATABASE_RETRY_AFTER_SECONDS } from '../database/database-unavailable';
import { Public } from '../common/public.decorator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ description: '{"status":"ok","database":"up"} once the database answers' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check(): Promise<HealthResponse> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableError(
        'The database is not answering',
        DATABASE_RETRY_AFTER_SECONDS,
      );
    }
    return { status: 'ok', database: 'up' };
  }
}
