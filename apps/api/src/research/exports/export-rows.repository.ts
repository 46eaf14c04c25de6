import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ExportRow } from './export-design';

/** Rows per page: a page is a few hundred kB, whatever the size of the export. */
export const EXPORT_PAGE_SIZE = 2_000;

/**
 * The responses of an export's waves, read a page at a time (keyset paging), so memory stays flat and
 * no connection is held between pages (the embedded database has only one). The second pass reads
 * them in an order drawn afresh for each export: a salted hash of the response id, so neither the
 * order people answered in nor the order of another export can be read from the file.
 */
@Injectable()
export class ExportRowsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async count(waveIds: readonly string[]): Promise<number> {
    const rows = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM survey_response WHERE wave_id = ANY($1::uuid[])',
      [waveIds],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Every row once, in an order of the database's choosing (the first pass). */
  inStoredOrder(waveIds: readonly string[]): AsyncGenerator<ExportRow[]> {
    return this.pages(waveIds, 'id::text', []);
  }

  /** Every row once, in an order drawn for this call (the rows written to the file). */
  inFreshOrder(waveIds: readonly string[]): AsyncGenerator<ExportRow[]> {
    const salt = randomBytes(16).toString('hex');
    return this.pages(waveIds, `md5(id::text || $2)`, [salt]);
  }

  private async *pages(
    waveIds: readonly string[],
    orderBy: string,
    extra: readonly string[],
  ): AsyncGenerator<ExportRow[]> {
    let after: string | null = null;
    const afterParam = `$${extra.length + 2}`;
    for (;;) {
      const rows: (ExportRow & { sortKey: string })[] = await this.dataSource.query(
        `SELECT ${orderBy} AS "sortKey", wave_id AS "waveId", service,
                organisation_id AS "organisationId", answers, scores
           FROM survey_response
          WHERE wave_id = ANY($1::uuid[]) AND (${afterParam}::text IS NULL OR ${orderBy} > ${afterParam}::text)
          ORDER BY 1 LIMIT ${EXPORT_PAGE_SIZE}`,
        [waveIds, ...extra, after],
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1]?.sortKey ?? null;
      yield rows;
      if (rows.length < EXPORT_PAGE_SIZE) return;
    }
  }
}
