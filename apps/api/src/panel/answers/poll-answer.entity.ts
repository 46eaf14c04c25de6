import { Entity, Index } from 'typeorm';
import { PollAnswerColumns } from './poll-answer-columns';

/**
 * One member's answers to a poll, with only the coarse attributes they had when answering. No member,
 * invitation, token, time or sequence: ids are random and rows are written in shuffled batches when the
 * poll closes (see AnswerSealer), so neither the id, the time nor the storage order leads to a person.
 */
@Entity('poll_answer')
@Index('ix_poll_answer_poll', ['pollId'])
export class PollAnswer extends PollAnswerColumns {}
