import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './common/access.guard';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CLOCK, type Clock, systemClock } from './common/clock';
import { ErrorFilter } from './common/errors';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { type DatabaseConnection, dataSourceOptions } from './database/data-source-options';
import { DATABASE_CONNECTION } from './database/database-connection.token';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { InstrumentsModule } from './instruments/instruments.module';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail/mail.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PanelModule } from './panel/panel.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { ReportsModule } from './reports/reports.module';
import { ResearchModule } from './research/research.module';
import { RetentionModule } from './retention/retention.module';
import { SurveysModule } from './surveys/surveys.module';
import { WavesModule } from './waves/waves.module';

/** What a test may replace; production uses the defaults. */
export interface AppModuleOptions {
  /** The system clock unless given (tests pass pg-boss's TestClock). */
  readonly clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    database: DatabaseConnection,
    options: AppModuleOptions = {},
  ): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(database)),
        JobsModule,
        DatabaseModule,
        LoggingModule,
        HealthModule,
        OrganisationsModule,
        InstrumentsModule,
        WavesModule,
        SurveysModule,
        ReferenceDataModule,
        ReportsModule,
        AuditModule,
        AuthModule,
        AdminModule,
        RetentionModule,
        MailModule,
        PanelModule,
        ResearchModule,
        ...(config.seedDemoData ? [DemoModule] : []),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_CONNECTION, useValue: database },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [APP_CONFIG, DATABASE_CONNECTION, CLOCK],
    };
  }
}
