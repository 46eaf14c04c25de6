import { Module } from '@nestjs/common';
import { ResearchDataModule } from '../data/research-data.module';
import { ValidationController } from './validation.controller';
import { ValidationReportService } from './validation-report.service';

/** The instrument's validation report; the LA report imports it for its change verdicts. */
@Module({
  imports: [ResearchDataModule],
  controllers: [ValidationController],
  providers: [ValidationReportService],
  exports: [ValidationReportService],
})
export class ValidationModule {}
