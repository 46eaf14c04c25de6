import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { SettingsModule } from '../settings/settings.module';
import { AdminWavesController } from './admin-waves.controller';
import { EnrolmentsService } from './enrolments.service';
import { HealthCheckRunController } from './health-check-run.controller';
import { HealthCheckRunService } from './health-check-run.service';
import { ReplacedLinkCode } from './replaced-link-code.entity';
import { SurveyCatalogue } from './survey-catalogue';
import { SurveyChanges } from './survey-changes';
import { SurveyLink } from './survey-link.entity';
import { Wave } from './wave.entity';
import { WavesService } from './waves.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Wave, SurveyLink, ReplacedLinkCode]),
    AuditModule,
    SettingsModule,
    InstrumentsModule,
  ],
  controllers: [AdminWavesController, HealthCheckRunController],
  providers: [
    WavesService,
    EnrolmentsService,
    HealthCheckRunService,
    SurveyCatalogue,
    // Every wave, link and enrolment change forgets what the catalogue holds, on every instance.
    { provide: SurveyChanges, useExisting: SurveyCatalogue },
  ],
  exports: [WavesService, EnrolmentsService, SurveyCatalogue],
})
export class WavesModule {}
