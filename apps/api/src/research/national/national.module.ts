import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { SettingsModule } from '../../settings/settings.module';
import { ResearchDataModule } from '../data/research-data.module';
import { ValidationModule } from '../validation/validation.module';
import { NationalPictureController } from './national-picture.controller';
import { NationalPictureService } from './national-picture.service';
import { WorkforceMarginsController } from './workforce-margins.controller';
import { WorkforceMarginsService } from './workforce-margins.service';

/** The national picture and the workforce margins it is raked to. */
@Module({
  imports: [ResearchDataModule, SettingsModule, AuditModule, ValidationModule],
  controllers: [NationalPictureController, WorkforceMarginsController],
  providers: [NationalPictureService, WorkforceMarginsService],
  exports: [WorkforceMarginsService],
})
export class NationalModule {}
