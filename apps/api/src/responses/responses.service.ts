import { Inject, Injectable } from '@nestjs/common';
import type { Answers } from '@swhc/contracts';
import type { ScaleScores } from '@swhc/instruments';
import type { DatabaseConnection } from '../database/data-source-options';
import { DATABASE_CONNECTION } from '../database/database-connection.token';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { Sql } from '../database/sql';
import { answersDigest } from './answers-digest';
import { InsertBatcher } from './insert-batcher';

/** A response ready to store: validated, scored, its link resolved. */
export interface ResponseToStore {
  readonly linkId: string;
  /** The code it came through: a code replaced meanwhile stores nothing. */
  readonly code: string;
  /** Lower-case UUID v4 from the browser; a retry reuses it. */
  readonly submissionId: string;
  readonly answers: Answers;
  readonly scores: ScaleScores;
}

/** How an earlier submission with the same id compares with this one. */
export type EarlierSubmission = 'none' | 'same' | 'different';

/** UTC day only: a response keeps no exact time (docs/privacy.md). */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * One statement stores the responses that arrived together (often just one): each row's wave,
 * LA and service are copied from the link that has its code now, and only while that link's wave
 * is scheduled (not a draft) and open at the row's own `at` — the database, not any cache,
 * decides whether the survey is open and whether the code still stands (not replaced). ON CONFLICT on the
 * unique submission id makes retries count once without a read-then-write. Fixed parameters
 * (arrays), so each connection prepares it once.
 */
const INSERT_RESPONSES = `
  INSERT INTO survey_response
    (submission_id, survey_link_id, wave_id, organisation_id, service,
     answers, scores, answers_digest, submitted_on)
  SELECT v.submission_id, l.id, l.wave_id, l.organisation_id, l.service,
         v.answers, v.scores, v.answers_digest, v.submitted_on
    FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::jsonb[], $5::text[], $6::date[],
                $7::timestamptz[])
           AS v(submission_id, code, answers, scores, answers_digest, submitted_on, at)
    JOIN survey_link l ON l.code = v.code
    JOIN wave w ON w.id = l.wave_id
   WHERE NOT w.draft AND w.opens_at <= v.at AND w.closes_at > v.at
  ON CONFLICT (submission_id) DO NOTHING
  RETURNING submission_id`;

/** A response as the statement takes it. */
interface ResponseRow {
  readonly submissionId: string;
  readonly code: string;
  readonly answers: string;
  readonly scores: string;
  readonly answersDigest: string;
  readonly submittedOn: string;
  readonly at: Date;
}

@Injectable()
export class ResponsesService {
  private readonly batcher: InsertBatcher<ResponseRow>;

  constructor(
    private readonly sql: Sql,
    @Inject(DATABASE_CONNECTION) connection: DatabaseConnection,
  ) {
    const poolSize = connection.embedded ? 1 : (connection.pool?.size ?? 10);
    this.batcher = new InsertBatcher<ResponseRow>({
      insertMany: (rows) => this.insertMany(rows),
      keyOf: (row) => row.submissionId,
      failsEveryRow: isDatabaseUnavailable,
      // Two statements at a time: one committing while the next gathers the rows that arrive
      // meanwhile. More statements in flight send smaller ones, which costs the api and the
      // database more per response (bench/intake/README.md). The rest of the pool stays free for
      // everything else (replays, staff pages, reports).
      maxInFlight: Math.max(1, Math.min(2, poolSize - 2)),
      maxBatch: 200,
    });
  }

  /**
   * Stores a validated response exactly once, committed before this returns. False when nothing
   * was stored: the id was used before, the code was replaced, or the wave is not open at `now`
   * (see `earlier`).
   */
  store(response: ResponseToStore, now = new Date()): Promise<boolean> {
    return this.batcher.insert({
      submissionId: response.submissionId,
      code: response.code,
      answers: JSON.stringify(response.answers),
      scores: JSON.stringify(response.scores),
      answersDigest: answersDigest(response.answers),
      submittedOn: dayOf(now),
      at: now,
    });
  }

  private async insertMany(rows: readonly ResponseRow[]): Promise<ReadonlySet<string>> {
    const column = <K extends keyof ResponseRow>(key: K) => rows.map((row) => row[key]);
    const stored = await this.sql.prepared<{ submission_id: string }>(
      'insert-survey-responses',
      INSERT_RESPONSES,
      [
        column('submissionId'),
        column('code'),
        column('answers'),
        column('scores'),
        column('answersDigest'),
        column('submittedOn'),
        column('at'),
      ],
    );
    return new Set(stored.map((row) => row.submission_id));
  }

  /** Whether a submission id was stored before through this link, with the same answers. */
  async earlier(
    response: Pick<ResponseToStore, 'linkId' | 'submissionId' | 'answers'>,
  ): Promise<EarlierSubmission> {
    const [row] = await this.sql.rows<{ survey_link_id: string; answers_digest: string }>(
      'SELECT survey_link_id, answers_digest FROM survey_response WHERE submission_id = $1',
      [response.submissionId],
    );
    if (!row) return 'none';
    return row.survey_link_id === response.linkId &&
      row.answers_digest === answersDigest(response.answers)
      ? 'same'
      : 'different';
  }
}
