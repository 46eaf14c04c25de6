import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ExportRow } from './export-design';
import type { PollExportRow } from './poll-export-design';

/** Rows per page: a page is a few hundred kB, whatever the size of the export. */
export const EXPORT_PAGE_SIZE = 2_000;

/** Where a dataset's rows are stored and what an export reads of them. */
interface RowSource {
  readonly table: 'survey_response' | 'poll_answer';
  /** The column naming the wave or poll. */
  readonly key: 'wave_id' | 'poll_id';
  readonly select: string;
}

const RESPONSES: RowSource = {
  table: 'survey_response',
  key: 'wave_id',
  select: `wave_id AS "waveId", service, organisation_id AS "organisationId", answers, scores`,
};

/** Sealed answers only: a closed poll's answers are sealed before its export is queued. */
const POLL_ANSWERS: RowSource = {
  table: 'poll_answer',
  key: 'poll_id',
  select: `poll_id AS "pollId", service, role, region, answers`,
};

/**
 * The responses of an export's waves and the answers of its polls, read a page at a time (keyset
 * paging), so memory stays flat and no connection is held between pages (the embedded database has
 * only one). The second pass reads them in an order drawn afresh for each export: a salted hash of
 * the row's id, so neither the order people answered in nor the order of another export can be read
 * from the file.
 */
@Injectable()
export class ExportRowsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  count(waveIds: readonly string[]): Promise<number> {
    return this.countOf(RESPONSES, waveIds);
  }

  /** Every row once, in an order of the database's choosing (the first pass). */
  inStoredOrder(waveIds: readonly string[]): AsyncGenerator<ExportRow[]> {
    return this.pages<ExportRow>(RESPONSES, waveIds, 'id::text', []);
  }

  /** Every row once, in an order drawn for this call (the rows written to the file). */
  inFreshOrder(waveIds: readonly string[]): AsyncGenerator<ExportRow[]> {
    return this.pages<ExportRow>(RESPONSES, waveIds, `md5(id::text || $2)`, [freshSalt()]);
  }

  countPollAnswers(pollIds: readonly string[]): Promise<number> {
    return this.countOf(POLL_ANSWERS, pollIds);
  }

  pollAnswersInStoredOrder(pollIds: readonly string[]): AsyncGenerator<PollExportRow[]> {
    return this.pages<PollExportRow>(POLL_ANSWERS, pollIds, 'id::text', []);
  }

  pollAnswersInFreshOrder(pollIds: readonly string[]): AsyncGenerator<PollExportRow[]> {
    return this.pages<PollExportRow>(POLL_ANSWERS, pollIds, `md5(id::text || $2)`, [freshSalt()]);
  }

  private async countOf(source: RowSource, ids: readonly string[]): Promise<number> {
    const rows = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${source.table} WHERE ${source.key} = ANY($1::uuid[])`,
      [ids],
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async *pages<Row>(
    source: RowSource,
    ids: readonly string[],
    orderBy: string,
    extra: readonly string[],
  ): AsyncGenerator<Row[]> {
    let after: string | null = null;
    const afterParam = `$${extra.length + 2}`;
    for (;;) {
      const rows: (Row & { sortKey: string })[] = await this.dataSource.query(
        `SELECT ${orderBy} AS "sortKey", ${source.select}
           FROM ${source.table}
          WHERE ${source.key} = ANY($1::uuid[]) AND (${afterParam}::text IS NULL OR ${orderBy} > ${afterParam}::text)
          ORDER BY 1 LIMIT ${EXPORT_PAGE_SIZE}`,
        [ids, ...extra, after],
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1]?.sortKey ?? null;
      yield rows;
      if (rows.length < EXPORT_PAGE_SIZE) return;
    }
  }
}

const freshSalt = (): string => randomBytes(16).toString('hex');
