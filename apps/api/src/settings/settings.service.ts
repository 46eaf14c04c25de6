import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_MINIMUM_GROUP_SIZE,
  isSettableMinimumGroupSize,
  MINIMUM_GROUP_SIZE_CEILING,
  MINIMUM_GROUP_SIZE_FLOOR,
} from '@swhc/disclosure';
import { Repository } from 'typeorm';
import { InvalidInputError } from '../common/errors';
import { Setting } from './setting.entity';

export const MINIMUM_GROUP_SIZE = 'minimumGroupSize';

@Injectable()
export class SettingsService {
  constructor(@InjectRepository(Setting) private readonly settings: Repository<Setting>) {}

  /** K: no statistic is served for fewer respondents than this. */
  async minimumGroupSize(): Promise<number> {
    const row = await this.settings.findOneBy({ key: MINIMUM_GROUP_SIZE });
    return typeof row?.value === 'number' ? row.value : DEFAULT_MINIMUM_GROUP_SIZE;
  }

  async setMinimumGroupSize(k: unknown): Promise<number> {
    if (!isSettableMinimumGroupSize(k)) {
      throw InvalidInputError.of(
        'The minimum group size is not valid',
        'minimumGroupSize',
        `must be a whole number from ${MINIMUM_GROUP_SIZE_FLOOR} to ${MINIMUM_GROUP_SIZE_CEILING}`,
      );
    }
    await this.settings.upsert({ key: MINIMUM_GROUP_SIZE, value: k }, { conflictPaths: ['key'] });
    return k;
  }
}
