import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ValidationModule } from '../research/validation/validation.module';
import { SettingsModule } from '../settings/settings.module';
import { NationalDataService } from './data/national-data.service';
import { ReportDataRepository } from './data/report-data.repository';
import { ReportDataSetsService } from './data/report-data-sets.service';
import { WaveComparabilityService } from './data/wave-comparability.service';
import { ReleasedSectionsService } from './released-sections.service';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';

@Module({
  imports: [SettingsModule, AuditModule, ValidationModule],
  controllers: [ReportController],
  providers: [
    ReportDataRepository,
    NationalDataService,
    WaveComparabilityService,
    ReportDataSetsService,
    ReleasedSectionsService,
    ReportService,
  ],
  exports: [ReportService],
})
export class ReportsModule {}
