import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SettingsModule } from '../settings/settings.module';
import { NationalBenchmarksService } from './national-benchmarks.service';
import { ReportController } from './report.controller';
import { ReportDataRepository } from './report-data.repository';
import { ReportService } from './report.service';
import { ReleasedSectionsService } from './released-sections.service';

@Module({
  imports: [SettingsModule, AuditModule],
  controllers: [ReportController],
  providers: [
    ReportDataRepository,
    NationalBenchmarksService,
    ReleasedSectionsService,
    ReportService,
  ],
  exports: [ReportService],
})
export class ReportsModule {}
