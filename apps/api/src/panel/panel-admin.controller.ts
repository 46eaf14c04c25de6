import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  PanelMemberCounts,
  PollDetail,
  PollQuestion,
  PollResults,
  PollSendingProgress,
  PollSummary,
  QuestionTrend,
  RepeatedQuestion,
  TrendMargins,
} from '@swhc/contracts';
import { auditActor, AuditService } from '../audit/audit.service';
import { Roles } from '../common/roles.decorator';
import { CurrentStaff, type SignedInStaff } from '../common/signed-in-staff';
import { TrendQueryDto } from './dto/trend-query.dto';
import { PanelScheduler } from './polls/panel-scheduler.service';
import { PollsService } from './polls/polls.service';
import { PanelResultsService } from './results/panel-results.service';

/**
 * Staff pages of the panel. Admins run polls; researchers read results and trends. No route lists
 * members or shows who answered what.
 */
@ApiTags('panel')
@ApiCookieAuth()
@Controller('panel')
export class PanelAdminController {
  constructor(
    private readonly polls: PollsService,
    private readonly results: PanelResultsService,
    private readonly scheduler: PanelScheduler,
    private readonly audit: AuditService,
  ) {}

  @Get('polls')
  @Roles('admin', 'researcher')
  @ApiOkResponse({ description: 'Every poll, newest first, with invited and response counts' })
  list(): Promise<PollSummary[]> {
    return this.polls.list();
  }

  @Post('polls')
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The poll; it opens (and its invitations go) at opensAt' })
  @ApiBadRequestResponse({
    description: 'Every problem, each with its path (e.g. questions[1].choices[0].text)',
  })
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<PollDetail> {
    const poll = await this.polls.create(body, staff.accountId);
    await this.audit.record({
      action: 'poll-created',
      ...auditActor(staff),
      target: `poll ${poll.title}`.slice(0, 300),
      detail: { pollId: poll.id, opensAt: poll.opensAt },
    });
    // A poll that opens now sends its invitations now, not at the next minute's tick.
    await this.scheduler.tick();
    return this.polls.detail(poll.id);
  }

  @Get('polls/:id')
  @Roles('admin', 'researcher')
  @ApiNotFoundResponse({ description: 'No such poll' })
  detail(@Param('id') id: string): Promise<PollDetail> {
    return this.polls.detail(id);
  }

  @Get('polls/:id/sending')
  @Roles('admin')
  @ApiOkResponse({ description: 'Invitations and reminders: queued, sent, failed, bounced' })
  sending(@Param('id') id: string): Promise<PollSendingProgress> {
    return this.polls.sendingProgress(id);
  }

  @Get('polls/:id/results')
  @Roles('admin', 'researcher')
  @ApiOkResponse({ description: 'Counts while open; protected distributions after it closes' })
  pollResults(@Param('id') id: string): Promise<PollResults> {
    return this.results.results(id);
  }

  @Get('questions')
  @Roles('admin', 'researcher')
  @ApiOkResponse({ description: 'Every question asked so far (to ask one again)' })
  questions(): Promise<PollQuestion[]> {
    return this.polls.questionBank();
  }

  @Get('questions/repeated')
  @Roles('admin', 'researcher')
  @ApiOkResponse({ description: 'Questions asked in more than one poll: the ones with a trend' })
  repeated(): Promise<RepeatedQuestion[]> {
    return this.polls.repeatedQuestions();
  }

  @Get('questions/:id/trend')
  @Roles('admin', 'researcher')
  @ApiOkResponse({ description: '% favourable per closed poll with 95% CIs, unweighted and raked' })
  trend(@Param('id') id: string, @Query() query: TrendQueryDto): Promise<QuestionTrend> {
    return this.results.trend(id, query.weighting ?? 'membership');
  }

  @Get('trend-margins')
  @Roles('admin', 'researcher')
  @ApiOkResponse({
    description: 'The population margins trends may be raked to (null: none entered)',
  })
  async trendMargins(): Promise<{ margins: TrendMargins | null; membership: TrendMargins }> {
    return {
      margins: await this.results.trendMargins(),
      membership: await this.results.membershipMargins(),
    };
  }

  @Put('trend-margins')
  @Roles('admin')
  @ApiOkResponse({ description: 'Stored margins, e.g. the workforce census by region and role' })
  async setTrendMargins(
    @Body() body: Record<string, unknown>,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<TrendMargins> {
    const margins = await this.results.setTrendMargins(body);
    await this.audit.record({
      action: 'setting-changed',
      ...auditActor(staff),
      target: 'panel trend margins',
    });
    return margins;
  }

  @Get('members/counts')
  @Roles('admin')
  @ApiOkResponse({
    description: 'Members by status, region, role, service and employer: counts only',
  })
  memberCounts(): Promise<PanelMemberCounts> {
    return this.results.memberCounts();
  }
}
