import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SettingsModule } from '../settings/settings.module';
import { ResearchDataModule } from './data/research-data.module';
import { ExportPollsRepository } from './exports/export-polls.repository';
import { ExportRowsRepository } from './exports/export-rows.repository';
import { ResearchExportsController } from './exports/research-exports.controller';
import { ResearchExportsService } from './exports/research-exports.service';
import { NationalModule } from './national/national.module';

/** The researchers' part: exports, the validation report and the national picture. */
@Module({
  imports: [ResearchDataModule, SettingsModule, AuditModule, NationalModule],
  controllers: [ResearchExportsController],
  providers: [ExportRowsRepository, ExportPollsRepository, ResearchExportsService],
})
export class ResearchModule {}
