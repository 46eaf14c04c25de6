import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Answers, PollForMember, PollQuestion } from '@swhc/contracts';
import { buildPollSurveyJson, validatePollAnswers } from '@swhc/instruments';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock, nowOf } from '../../common/clock';
import {
  ConflictError,
  ForbiddenStateError,
  InvalidInputError,
  NotFoundError,
} from '../../common/errors';
import { queryRows } from '../../database/query-rows';
import { findToken } from '../members/members.service';
import { pollStatus } from '../polls/poll-timing';
import { Poll } from '../polls/poll.entity';
import { PollsService } from '../polls/polls.service';
import { PollInvitation } from './poll-invitation.entity';

export interface StoredPollAnswer {
  /** True when this call stored the answers; false when it was a retry of the stored ones. */
  readonly created: boolean;
  readonly submissionId: string;
}

interface OpenInvitation {
  readonly invitation: PollInvitation;
  readonly poll: Poll;
  readonly questions: PollQuestion[];
}

/**
 * A member answering a poll from their emailed link. The link's invitation is marked used and the
 * answers are stored, with the member's service, role and region only, in one transaction: an
 * acknowledged answer is never lost, and a link answers once. Nothing written links the two rows.
 */
@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly polls: PollsService,
    // The app's clock, so that tests can move past a poll's close without waiting.
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async openInvitation(token: unknown, now: Date): Promise<OpenInvitation> {
    const link = await findToken(this.dataSource.manager, token, ['poll'], now).catch(
      (error: unknown) => {
        // A poll link's expiry is the poll's closing time: say so in the poll's words.
        if (error instanceof ForbiddenStateError) {
          throw new ForbiddenStateError('closed', 'This poll has closed');
        }
        throw error;
      },
    );
    const invitation = link.invitationId
      ? await this.dataSource.getRepository(PollInvitation).findOneBy({ id: link.invitationId })
      : null;
    if (!invitation || invitation.memberId === null)
      throw new NotFoundError('This link is not valid');
    const poll = await this.polls.find(invitation.pollId);
    if (pollStatus(poll, now) !== 'open')
      throw new ForbiddenStateError('closed', 'This poll has closed');
    return { invitation, poll, questions: await this.polls.questionsOf(poll.id) };
  }

  /** The poll behind a link, unless it has been answered or has closed. */
  async describe(token: unknown, now = nowOf(this.clock)): Promise<PollForMember> {
    const { invitation, poll, questions } = await this.openInvitation(token, now);
    if (invitation.used) throw alreadyAnswered();
    return {
      poll: { id: poll.id, title: poll.title, closesAt: poll.closesAt.toISOString() },
      survey: buildPollSurveyJson(poll.title, questions),
    };
  }

  /**
   * Stores a member's answers once. A retry with the same submission id (the browser's, for one press
   * of "Send") gets the same receipt; another submission on a used link is told it was answered.
   */
  async submit(
    token: unknown,
    submissionId: string,
    answers: Answers,
    now = nowOf(this.clock),
  ): Promise<StoredPollAnswer> {
    const { invitation, questions } = await this.openInvitation(token, now);
    const id = submissionId.toLowerCase();
    if (invitation.used) return this.replayOrConflict(invitation.id, id);
    const validation = validatePollAnswers(questions, answers);
    if (!validation.valid)
      throw new InvalidInputError('Some answers are not valid', validation.errors);

    const stored = await this.dataSource.transaction(async (manager) => {
      // One statement decides which of several concurrent uses of a link wins.
      const claimed = queryRows<{ service: string; role: string; region: string; poll_id: string }>(
        await manager.query(
          `UPDATE poll_invitation i SET used = true, submission_id = $2
             FROM panel_member m, poll p
            WHERE i.id = $1 AND NOT i.used AND m.id = i.member_id AND p.id = i.poll_id
              AND p.closes_at > $3
           RETURNING i.poll_id, m.service, m.role, m.region`,
          [invitation.id, id, now],
        ),
      );
      const row = claimed[0];
      if (!row) return false;
      await manager.query(
        `INSERT INTO poll_answer_intake (poll_id, service, role, region, answers)
         VALUES ($1, $2, $3, $4, $5)`,
        [row.poll_id, row.service, row.role, row.region, JSON.stringify(validation.answers)],
      );
      return true;
    });
    if (stored) return { created: true, submissionId: id };
    return this.replayOrConflict(invitation.id, id);
  }

  private async replayOrConflict(
    invitationId: string,
    submissionId: string,
  ): Promise<StoredPollAnswer> {
    const current = await this.dataSource.getRepository(PollInvitation).findOne({
      where: { id: invitationId },
      select: { used: true, submissionId: true, memberId: true },
    });
    if (current?.used && current.submissionId === submissionId)
      return { created: false, submissionId };
    if (!current || current.memberId === null) throw new NotFoundError('This link is not valid');
    if (!current.used) throw new ForbiddenStateError('closed', 'This poll has closed');
    throw alreadyAnswered();
  }
}

function alreadyAnswered(): ConflictError {
  return new ConflictError('You have already answered this poll. Thank you.');
}
