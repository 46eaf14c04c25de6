import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** Background jobs (see README.md); global, so any feature module can declare a queue. */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
