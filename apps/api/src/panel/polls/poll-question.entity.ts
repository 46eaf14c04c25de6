import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { PanelQuestion } from './panel-question.entity';
import { Poll } from './poll.entity';

/** The questions of a poll, in order. */
@Entity('poll_question')
export class PollQuestionLink {
  @ManyToOne(() => Poll, { nullable: false, onDelete: 'CASCADE' })
  poll: Poll;

  @PrimaryColumn({ type: 'uuid' })
  pollId: string;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @ManyToOne(() => PanelQuestion, { nullable: false, onDelete: 'RESTRICT' })
  question: PanelQuestion;

  @Index('ix_poll_question_question')
  @Column({ type: 'uuid' })
  questionId: string;
}
