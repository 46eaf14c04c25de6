import { StaffAccount } from '../accounts/staff-account.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { LoginThrottle } from '../auth/login-throttle.entity';
import { StaffSession } from '../auth/staff-session.entity';
import { Headcount } from '../reports/headcount.entity';
import { ResearchExportChunk } from '../research/exports/research-export-chunk.entity';
import { ResearchExport } from '../research/exports/research-export.entity';
import { WorkforceMarginsRecord } from '../research/national/workforce-margins.entity';
import { ValidationReportRecord } from '../research/validation/validation-report.entity';
import { Setting } from '../settings/setting.entity';
import { Instrument } from '../instruments/instrument.entity';
import { Organisation } from '../organisations/organisation.entity';
import { SurveyResponse } from '../responses/survey-response.entity';
import { ReplacedLinkCode } from '../waves/replaced-link-code.entity';
import { SurveyLink } from '../waves/survey-link.entity';
import { Wave } from '../waves/wave.entity';
import { PollAnswerIntake } from '../panel/answers/poll-answer-intake.entity';
import { PollAnswer } from '../panel/answers/poll-answer.entity';
import { PollInvitation } from '../panel/answers/poll-invitation.entity';
import { MailRateWindow } from '../panel/delivery/mail-rate-window.entity';
import { PanelDelivery } from '../panel/delivery/panel-delivery.entity';
import { PanelMember } from '../panel/members/panel-member.entity';
import { PanelToken } from '../panel/members/panel-token.entity';
import { PanelQuestion } from '../panel/polls/panel-question.entity';
import { PollQuestionLink } from '../panel/polls/poll-question.entity';
import { Poll } from '../panel/polls/poll.entity';

/** Every entity, for the one DataSource the app, the migrations and the drift test share. */
export const ENTITIES = [
  Organisation,
  Instrument,
  Wave,
  SurveyLink,
  ReplacedLinkCode,
  SurveyResponse,
  StaffAccount,
  StaffSession,
  LoginThrottle,
  AuditEvent,
  Setting,
  Headcount,
  PanelMember,
  PanelToken,
  PanelQuestion,
  Poll,
  PollQuestionLink,
  PollInvitation,
  PollAnswerIntake,
  PollAnswer,
  PanelDelivery,
  MailRateWindow,
  ResearchExport,
  ResearchExportChunk,
  ValidationReportRecord,
  WorkforceMarginsRecord,
];
