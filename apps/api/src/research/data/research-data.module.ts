import { Module } from '@nestjs/common';
import { ResearchDataRepository } from './research-data.repository';

/** The research pages' reads, shared by the validation report, the national picture and exports. */
@Module({ providers: [ResearchDataRepository], exports: [ResearchDataRepository] })
export class ResearchDataModule {}
