import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SettingsModule } from '../settings/settings.module';
import { AnswersService } from './answers/answers.service';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher';
import { MailRateLimiter } from './delivery/mail-rate-limiter';
import { PanelClock, PanelEmailJobs } from './delivery/panel-jobs.service';
import { PanelMailer } from './delivery/panel-mailer.service';
import { MembersService } from './members/members.service';
import { PanelAdminController } from './panel-admin.controller';
import { PanelMembershipController } from './panel-membership.controller';
import { PanelScheduler } from './polls/panel-scheduler.service';
import { PollsService } from './polls/polls.service';
import { PollAnswersController } from './poll-answers.controller';
import { PanelResultsService } from './results/panel-results.service';

/** The polling panel: members, polls by email, anonymous answers, results and trends. */
@Module({
  imports: [SettingsModule, AuditModule],
  controllers: [PanelMembershipController, PollAnswersController, PanelAdminController],
  providers: [
    MembersService,
    PollsService,
    AnswersService,
    PanelResultsService,
    PanelScheduler,
    PanelMailer,
    MailRateLimiter,
    PanelEmailJobs,
    { provide: DeliveryDispatcher, useExisting: PanelEmailJobs },
    PanelClock,
  ],
  exports: [PollsService, PanelScheduler, PanelMailer, MembersService],
})
export class PanelModule {}
