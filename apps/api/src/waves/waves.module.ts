import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { SettingsModule } from '../settings/settings.module';
import { AdminWavesController } from './admin-waves.controller';
import { EnrolmentsService } from './enrolments.service';
import { HealthCheckRunController } from './health-check-run.controller';
import { HealthCheckRunService } from './health-check-run.service';
import { ReplacedLinkCode } from './replaced-link-code.entity';
import { NothingCached, SurveyChanges } from './survey-changes';
import { SurveyLink } from './survey-link.entity';
import { Wave } from './wave.entity';
import { WavesService } from './waves.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Wave, SurveyLink, ReplacedLinkCode]),
    AuditModule,
    SettingsModule,
  ],
  controllers: [AdminWavesController, HealthCheckRunController],
  providers: [
    WavesService,
    EnrolmentsService,
    HealthCheckRunService,
    { provide: SurveyChanges, useClass: NothingCached },
  ],
  exports: [WavesService, EnrolmentsService],
})
export class WavesModule {}
