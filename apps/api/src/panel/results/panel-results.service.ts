import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ENGLISH_REGIONS,
  PANEL_ROLES,
  SERVICE_KINDS,
  type PanelMemberCounts,
  type PollResults,
  type QuestionTrend,
  type TrendMargins,
  type TrendWeighting,
  londonDate,
} from '@swhc/contracts';
import { DataSource } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../../common/errors';
import { Setting } from '../../settings/setting.entity';
import { SettingsService } from '../../settings/settings.service';
import { sealIfWaiting } from '../answers/answer-sealer';
import { PanelQuestion } from '../polls/panel-question.entity';
import { pollStatus } from '../polls/poll-timing';
import type { Poll } from '../polls/poll.entity';
import { PollsService, questionOf } from '../polls/polls.service';
import { pollQuestionResults, type AnswerRow } from './poll-distributions';
import { MARGIN_DIMENSIONS, trendEstimates } from './trend-estimates';

const TREND_MARGINS = 'panelTrendMargins';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const MARGIN_LEVELS: Readonly<Record<keyof TrendMargins, readonly string[]>> = {
  region: ENGLISH_REGIONS,
  role: PANEL_ROLES.map((r) => r.value),
  service: SERVICE_KINDS,
};

/**
 * What staff may learn from the panel: response counts while a poll is open; protected distributions
 * and trends after it closes; membership counts. Never a member's answers, never who answered.
 */
@Injectable()
export class PanelResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly polls: PollsService,
    private readonly settings: SettingsService,
  ) {}

  async results(pollId: string, now = new Date()): Promise<PollResults> {
    const poll = await this.polls.find(pollId);
    const { invited, responses } = await this.polls.detail(poll.id, now);
    const responseRate = invited > 0 ? (100 * responses) / invited : null;
    const status = pollStatus(poll, now);
    if (status !== 'closed') {
      return {
        status,
        invited,
        responses,
        responseRate,
        message: 'Results are shown when the poll closes.',
      };
    }
    const k = await this.settings.minimumGroupSize();
    const rows = await this.answersOf(poll, now);
    const questions = await this.polls.questionsOf(poll.id);
    return {
      status,
      invited,
      responses,
      responseRate,
      message: rows.length < k ? `Fewer than ${k} responses: no results are shown.` : null,
      minimumGroupSize: k,
      questions: pollQuestionResults(questions, rows, k),
    };
  }

  async trend(
    questionId: string,
    weighting: TrendWeighting,
    now = new Date(),
  ): Promise<QuestionTrend> {
    const question = UUID.test(questionId)
      ? await this.dataSource.getRepository(PanelQuestion).findOneBy({ id: questionId })
      : null;
    if (!question) throw new NotFoundError('There is no such question');
    const margins =
      weighting === 'unweighted'
        ? null
        : weighting === 'membership'
          ? await this.membershipMargins(now)
          : await this.trendMargins();
    if (weighting === 'margins' && margins === null) {
      throw InvalidInputError.of(
        'No margins have been entered',
        'weighting',
        'needs population margins: an administrator enters them first',
      );
    }
    const k = await this.settings.minimumGroupSize();
    const polls: Poll[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.opens_at AS "opensAt", p.closes_at AS "closesAt",
              p.answers_sealed_at AS "answersSealedAt"
         FROM poll p JOIN poll_question q ON q.poll_id = p.id
        WHERE q.question_id = $1 AND p.closes_at <= $2
        ORDER BY p.closes_at`,
      [question.id, now],
    );
    const points = [];
    for (const poll of polls) {
      const rows = await this.answersOf(poll, now);
      const estimates = trendEstimates(questionOf(question), rows, margins, k);
      points.push({
        poll: { id: poll.id, title: poll.title, closesAt: new Date(poll.closesAt).toISOString() },
        n: estimates.n < k ? null : estimates.n,
        unweighted: estimates.unweighted,
        weighted: estimates.weighted,
        note: estimates.note,
      });
    }
    return { question: questionOf(question), weighting, points };
  }

  /** The panel's current membership (confirmed, paused or not) by region and role. */
  async membershipMargins(now = new Date()): Promise<TrendMargins> {
    const counts = await this.memberCounts(now);
    const asMargin = (rows: { key: string; count: number }[]) =>
      Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
    return { region: asMargin(counts.byRegion), role: asMargin(counts.byRole) };
  }

  async trendMargins(): Promise<TrendMargins | null> {
    const row = await this.dataSource.getRepository(Setting).findOneBy({ key: TREND_MARGINS });
    return typeof row?.value === 'object' ? row.value : null;
  }

  async setTrendMargins(input: unknown): Promise<TrendMargins> {
    const margins = validateMargins(input);
    await this.dataSource
      .getRepository(Setting)
      .upsert({ key: TREND_MARGINS, value: { ...margins } }, { conflictPaths: ['key'] });
    return margins;
  }

  /** Counts of members, never a list: by status, region, role, service and employer. */
  async memberCounts(now = new Date()): Promise<PanelMemberCounts> {
    const today = londonDate(now);
    const group = async (column: string) =>
      (
        await this.dataSource.query<{ key: string; count: string }[]>(
          `SELECT ${column} AS key, count(*) AS count FROM panel_member
            WHERE confirmed_at IS NOT NULL GROUP BY ${column} ORDER BY ${column}`,
        )
      ).map((r) => ({ key: r.key, count: Number(r.count) }));
    const status = await this.dataSource.query<{ key: string; count: string }[]>(
      `SELECT CASE WHEN confirmed_at IS NULL THEN 'pending'
                   WHEN paused_until > $1::date THEN 'paused' ELSE 'active' END AS key,
              count(*) AS count
         FROM panel_member GROUP BY 1 ORDER BY 1`,
      [today],
    );
    const byOrganisation = await this.dataSource.query<
      { gss_code: string | null; name: string | null; count: string }[]
    >(
      `SELECT o.gss_code, o.name, count(*) AS count
         FROM panel_member m LEFT JOIN organisation o ON o.id = m.organisation_id
        WHERE m.confirmed_at IS NOT NULL
        GROUP BY o.gss_code, o.name ORDER BY count(*) DESC, o.name`,
    );
    const byStatus = status.map((r) => ({ key: r.key, count: Number(r.count) }));
    return {
      total: byStatus.filter((s) => s.key !== 'pending').reduce((a, s) => a + s.count, 0),
      byStatus,
      byRegion: await group('region'),
      byRole: await group('role'),
      byService: await group('service'),
      byOrganisation: byOrganisation.map((r) => ({
        gssCode: r.gss_code,
        name: r.name ?? 'Not a local authority',
        count: Number(r.count),
      })),
    };
  }

  /** A closed poll's answers, sealed first if they are still in intake. */
  private async answersOf(
    poll: Pick<Poll, 'id' | 'answersSealedAt'>,
    now: Date,
  ): Promise<AnswerRow[]> {
    await this.dataSource.transaction((manager) => sealIfWaiting(manager, poll, now));
    return this.dataSource.query<AnswerRow[]>(
      `SELECT service, role, region, answers FROM poll_answer WHERE poll_id = $1`,
      [poll.id],
    );
  }
}

function validateMargins(input: unknown): TrendMargins {
  const errors: { field: string; message: string }[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw InvalidInputError.of('The margins are not valid', 'margins', 'must be an object');
  }
  const given = input as Record<string, unknown>;
  const margins: TrendMargins = {};
  for (const key of Object.keys(given)) {
    if (!MARGIN_DIMENSIONS.includes(key as keyof TrendMargins)) {
      errors.push({ field: key, message: 'is not a margin: use region, role or service' });
    }
  }
  for (const dimension of MARGIN_DIMENSIONS) {
    const table = given[dimension];
    if (table === undefined) continue;
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      errors.push({ field: dimension, message: 'must map each group to a count' });
      continue;
    }
    const levels = MARGIN_LEVELS[dimension];
    const out: Record<string, number> = {};
    for (const [level, count] of Object.entries(table as Record<string, unknown>)) {
      if (!levels.includes(level)) {
        errors.push({
          field: `${dimension}.${level}`,
          message: `is not one of ${levels.join(', ')}`,
        });
      } else if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0) {
        errors.push({ field: `${dimension}.${level}`, message: 'must be a positive number' });
      } else {
        out[level] = count;
      }
    }
    if (Object.keys(out).length < 2 && Object.keys(table).length > 0) {
      errors.push({ field: dimension, message: 'must give at least two groups' });
    }
    margins[dimension] = out;
  }
  if (errors.length === 0 && Object.keys(margins).length === 0) {
    errors.push({ field: 'margins', message: 'must give region, role or service margins' });
  }
  if (errors.length > 0) throw new InvalidInputError('The margins are not valid', errors);
  return margins;
}
