import { Global, Module } from '@nestjs/common';
import { Sql } from './sql';

/** Plain SQL on the app's pool, for any feature that needs it. */
@Global()
@Module({ providers: [Sql], exports: [Sql] })
export class DatabaseModule {}
