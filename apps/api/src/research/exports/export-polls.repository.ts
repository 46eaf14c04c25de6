import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PollQuestion, PollQuestionInput, ServiceKind } from '@swhc/contracts';
import type { DataSource } from 'typeorm';
import { sealIfWaiting } from '../../panel/answers/answer-sealer';

export interface ExportablePoll {
  readonly id: string;
  readonly title: string;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly answersSealedAt: Date | null;
}

/**
 * The panel polls an export reads: the polls, their questions in the order asked and how many
 * answers each has per service. Answers are read only once sealed (moved, shuffled, out of intake),
 * as the results pages do: `seal` does it for a closed poll the panel's clock has not reached yet.
 */
@Injectable()
export class ExportPollsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every poll, the earliest closing first. */
  async polls(): Promise<ExportablePoll[]> {
    const rows = await this.dataSource.query<ExportablePoll[]>(
      `SELECT id, title, opens_at AS "opensAt", closes_at AS "closesAt",
              answers_sealed_at AS "answersSealedAt"
         FROM poll ORDER BY closes_at, title`,
    );
    return rows.map((r) => ({
      ...r,
      opensAt: new Date(r.opensAt),
      closesAt: new Date(r.closesAt),
      answersSealedAt: r.answersSealedAt ? new Date(r.answersSealedAt) : null,
    }));
  }

  /** Each poll's questions in the order asked. */
  async questions(pollIds: readonly string[]): Promise<Map<string, PollQuestion[]>> {
    const rows = await this.dataSource.query<
      { pollId: string; id: string; definition: PollQuestionInput }[]
    >(
      `SELECT l.poll_id AS "pollId", q.id, q.definition
         FROM poll_question l JOIN panel_question q ON q.id = l.question_id
        WHERE l.poll_id = ANY($1::uuid[]) ORDER BY l.poll_id, l.position`,
      [pollIds],
    );
    const byPoll = new Map<string, PollQuestion[]>();
    for (const r of rows)
      byPoll.set(r.pollId, [...(byPoll.get(r.pollId) ?? []), { ...r.definition, id: r.id }]);
    return byPoll;
  }

  /** Answers per poll and service, sealed or still in intake. */
  counts(
    pollIds: readonly string[],
  ): Promise<{ pollId: string; service: ServiceKind; n: number }[]> {
    return this.dataSource.query(
      `SELECT poll_id AS "pollId", service, count(*)::int AS n
         FROM (SELECT poll_id, service FROM poll_answer WHERE poll_id = ANY($1::uuid[])
               UNION ALL
               SELECT poll_id, service FROM poll_answer_intake WHERE poll_id = ANY($1::uuid[])) a
        GROUP BY poll_id, service`,
      [pollIds],
    );
  }

  /** Seals the answers of closed polls still (partly) in intake. */
  async seal(polls: readonly ExportablePoll[], now: Date): Promise<void> {
    for (const poll of polls)
      await this.dataSource.transaction((manager) => sealIfWaiting(manager, poll, now));
  }
}
