import { StaffAccount } from '../accounts/staff-account.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { LoginThrottle } from '../auth/login-throttle.entity';
import { StaffSession } from '../auth/staff-session.entity';
import { Headcount } from '../reports/headcount.entity';
import { ResearchExportChunk } from '../research/exports/research-export-chunk.entity';
import { ResearchExport } from '../research/exports/research-export.entity';
import { ValidationReportRecord } from '../research/validation/validation-report.entity';
import { Setting } from '../settings/setting.entity';
import { Instrument } from '../instruments/instrument.entity';
import { Organisation } from '../organisations/organisation.entity';
import { SurveyResponse } from '../responses/survey-response.entity';
import { SurveyLink } from '../waves/survey-link.entity';
import { Wave } from '../waves/wave.entity';

/** Every entity, for the one DataSource the app, the migrations and the drift test share. */
export const ENTITIES = [
  Organisation,
  Instrument,
  Wave,
  SurveyLink,
  SurveyResponse,
  StaffAccount,
  StaffSession,
  LoginThrottle,
  AuditEvent,
  Setting,
  Headcount,
  ResearchExport,
  ResearchExportChunk,
  ValidationReportRecord,
];
