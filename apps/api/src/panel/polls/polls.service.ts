import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DeliveryProgress,
  FieldError,
  PollDetail,
  PollQuestion,
  PollQuestionInput,
  PollSendingProgress,
  PollSummary,
  RepeatedQuestion,
} from '@swhc/contracts';
import { validatePollDefinition } from '@swhc/instruments';
import { DataSource, In, type EntityManager } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../../common/errors';
import { PanelQuestion } from './panel-question.entity';
import { PollQuestionLink } from './poll-question.entity';
import { pollStatus, reminderTime } from './poll-timing';
import { Poll } from './poll.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const questionOf = (row: PanelQuestion): PollQuestion => ({ ...row.definition, id: row.id });

/** Creating polls and reading them back, with their counts. Never who answered what. */
@Injectable()
export class PollsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Validates and stores a poll. New questions join the question bank; reused ones are referred to,
   * unchanged, so their answers line up across polls.
   */
  async create(
    input: unknown,
    createdByAccountId: string | null,
    now = new Date(),
  ): Promise<PollDetail> {
    const validation = validatePollDefinition(input);
    if (!validation.valid) throw new InvalidInputError('The poll is not valid', validation.errors);
    const { poll } = validation;
    if (poll.closesAt <= now) {
      throw InvalidInputError.of('The poll is not valid', 'closesAt', 'must be in the future');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const questionIds = await this.resolveQuestions(manager, poll.questions);
      const saved = await manager.save(
        manager.create(Poll, {
          title: poll.title,
          opensAt: poll.opensAt,
          closesAt: poll.closesAt,
          remindAt: reminderTime(poll.opensAt, poll.closesAt),
          audience: poll.audience,
          createdByAccountId,
          invitationsQueuedAt: null,
          remindersQueuedAt: null,
          answersSealedAt: null,
        }),
      );
      await manager.insert(
        PollQuestionLink,
        questionIds.map((questionId, position) => ({ pollId: saved.id, position, questionId })),
      );
      return saved.id;
    });
    return this.detail(id, now);
  }

  private async resolveQuestions(
    manager: EntityManager,
    specs: readonly (PollQuestionInput | { reuse: string })[],
  ): Promise<string[]> {
    const errors: FieldError[] = [];
    const reusedIds = specs.flatMap((s) => ('reuse' in s ? [s.reuse] : []));
    const newNames = specs.flatMap((s) => ('reuse' in s ? [] : [s.name]));
    const reused = reusedIds.length
      ? await manager.findBy(PanelQuestion, { id: In(reusedIds) })
      : [];
    const taken = newNames.length
      ? await manager.findBy(PanelQuestion, { name: In(newNames) })
      : [];
    const ids: string[] = [];
    for (const [i, spec] of specs.entries()) {
      if ('reuse' in spec) {
        const found = reused.find((q) => q.id === spec.reuse);
        if (found) ids.push(found.id);
        else
          errors.push({
            field: `questions[${i}].reuse`,
            message: 'is not a question of an earlier poll',
          });
        continue;
      }
      if (taken.some((q) => q.name === spec.name)) {
        errors.push({
          field: `questions[${i}].name`,
          message:
            'is already used by an earlier poll’s question: reuse that question or choose another name',
        });
        continue;
      }
      const saved = await manager.save(
        manager.create(PanelQuestion, { name: spec.name, definition: spec }),
      );
      ids.push(saved.id);
    }
    if (errors.length > 0) throw new InvalidInputError('The poll is not valid', errors);
    return ids;
  }

  async list(now = new Date()): Promise<PollSummary[]> {
    const polls = await this.dataSource.getRepository(Poll).find({ order: { opensAt: 'DESC' } });
    const counts = await this.counts(polls.map((p) => p.id));
    return polls.map((poll) => summaryOf(poll, counts.get(poll.id), now));
  }

  async detail(id: string, now = new Date()): Promise<PollDetail> {
    const poll = await this.find(id);
    const counts = await this.counts([poll.id]);
    return {
      ...summaryOf(poll, counts.get(poll.id), now),
      audience: poll.audience,
      questions: await this.questionsOf(poll.id),
      remindAt: poll.remindAt.toISOString(),
    };
  }

  async find(id: string): Promise<Poll> {
    const poll = UUID.test(id) ? await this.dataSource.getRepository(Poll).findOneBy({ id }) : null;
    if (!poll) throw new NotFoundError('There is no such poll');
    return poll;
  }

  async questionsOf(
    pollId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PollQuestion[]> {
    const links = await manager.find(PollQuestionLink, {
      where: { pollId },
      relations: { question: true },
      order: { position: 'ASC' },
    });
    return links.map((link) => questionOf(link.question));
  }

  /** Emails for a poll by state: sending is queued (or being retried) until it is sent or given up. */
  async sendingProgress(id: string): Promise<PollSendingProgress> {
    const poll = await this.find(id);
    const rows: { kind: string; state: string; n: string }[] = await this.dataSource.query(
      `SELECT kind, state, count(*) AS n FROM panel_delivery WHERE poll_id = $1 GROUP BY kind, state`,
      [poll.id],
    );
    const progress = (kind: string): DeliveryProgress => {
      const of = (...states: string[]) =>
        rows
          .filter((r) => r.kind === kind && states.includes(r.state))
          .reduce((a, r) => a + Number(r.n), 0);
      return {
        queued: of('queued', 'sending', 'retrying'),
        sent: of('sent'),
        failed: of('failed'),
        bounced: of('bounced'),
      };
    };
    return { invitations: progress('invitation'), reminders: progress('reminder') };
  }

  /** Questions asked in more than one poll, most asked first: the ones with a trend. */
  async repeatedQuestions(): Promise<RepeatedQuestion[]> {
    const rows: { question_id: string; polls: string }[] = await this.dataSource.query(
      `SELECT question_id, count(*) AS polls FROM poll_question GROUP BY question_id HAVING count(*) > 1
        ORDER BY count(*) DESC, question_id`,
    );
    if (rows.length === 0) return [];
    const questions = await this.dataSource
      .getRepository(PanelQuestion)
      .findBy({ id: In(rows.map((r) => r.question_id)) });
    return rows.flatMap((row) => {
      const question = questions.find((q) => q.id === row.question_id);
      return question ? [{ question: questionOf(question), polls: Number(row.polls) }] : [];
    });
  }

  /** Every question so far, for "ask this again" when creating a poll. */
  async questionBank(): Promise<PollQuestion[]> {
    const rows = await this.dataSource
      .getRepository(PanelQuestion)
      .find({ order: { createdAt: 'DESC' } });
    return rows.map(questionOf);
  }

  private async counts(
    pollIds: readonly string[],
  ): Promise<Map<string, { invited: number; responses: number }>> {
    if (pollIds.length === 0) return new Map();
    const rows: { poll_id: string; invited: string; responses: string }[] =
      await this.dataSource.query(
        `SELECT poll_id, count(*) AS invited, count(*) FILTER (WHERE used) AS responses
         FROM poll_invitation WHERE poll_id = ANY($1::uuid[]) GROUP BY poll_id`,
        [pollIds],
      );
    return new Map(
      rows.map((r) => [r.poll_id, { invited: Number(r.invited), responses: Number(r.responses) }]),
    );
  }
}

function summaryOf(
  poll: Poll,
  counts: { invited: number; responses: number } | undefined,
  now: Date,
): PollSummary {
  return {
    id: poll.id,
    title: poll.title,
    status: pollStatus(poll, now),
    opensAt: poll.opensAt.toISOString(),
    closesAt: poll.closesAt.toISOString(),
    invited: counts?.invited ?? 0,
    responses: counts?.responses ?? 0,
  };
}
