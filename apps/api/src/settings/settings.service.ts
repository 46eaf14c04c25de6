import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InvalidInputError } from '../common/errors';
import { Setting } from './setting.entity';

export const MINIMUM_GROUP_SIZE = 'minimumGroupSize';
export const DEFAULT_MINIMUM_GROUP_SIZE = 10;
/** An admin may raise K but never lower it below 5 (PRODUCT.md). */
export const LOWEST_MINIMUM_GROUP_SIZE = 5;

@Injectable()
export class SettingsService {
  constructor(@InjectRepository(Setting) private readonly settings: Repository<Setting>) {}

  /** K: no statistic is served for fewer respondents than this. */
  async minimumGroupSize(): Promise<number> {
    const row = await this.settings.findOneBy({ key: MINIMUM_GROUP_SIZE });
    return typeof row?.value === 'number' ? row.value : DEFAULT_MINIMUM_GROUP_SIZE;
  }

  async setMinimumGroupSize(k: unknown): Promise<number> {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < LOWEST_MINIMUM_GROUP_SIZE || k > 100) {
      throw InvalidInputError.of(
        'The minimum group size is not valid',
        'minimumGroupSize',
        `must be a whole number from ${LOWEST_MINIMUM_GROUP_SIZE} to 100`,
      );
    }
    await this.settings.upsert({ key: MINIMUM_GROUP_SIZE, value: k }, { conflictPaths: ['key'] });
    return k;
  }
}
