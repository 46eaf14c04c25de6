import { Entity, Index } from 'typeorm';
import { PollAnswerColumns } from './poll-answer-columns';

/**
 * Answers of an open poll, held until it closes. They are written in the same transaction that marks
 * the invitation used (so an acknowledged answer is never lost and a link answers once), which leaves
 * them in the same order as the invitations: sealing moves them all at once, shuffled, to poll_answer.
 */
@Entity('poll_answer_intake')
@Index('ix_poll_answer_intake_poll', ['pollId'])
export class PollAnswerIntake extends PollAnswerColumns {}
