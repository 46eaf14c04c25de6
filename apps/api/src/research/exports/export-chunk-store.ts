import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';

/** Bytes per stored piece of a ZIP. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * A stream that stores what is written to it as numbered pieces of an export's ZIP, waiting for each
 * INSERT before taking more (so memory holds at most one piece). `bytes` is the total once finished.
 */
export class ExportChunkWriter extends Writable {
  bytes = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly exportId: string,
  ) {
    super({ highWaterMark: CHUNK_BYTES });
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.bytes += chunk.length;
    if (this.pendingBytes < CHUNK_BYTES) {
      done();
      return;
    }
    this.flush().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flush().then(() => done(), done);
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.dataSource.query(
      'INSERT INTO research_export_chunk (export_id, seq, data) VALUES ($1, $2, $3)',
      [this.exportId, this.seq++, data],
    );
  }
}

/** The stored pieces of an export's ZIP, in order, one at a time. */
export async function* exportChunks(
  dataSource: DataSource,
  exportId: string,
): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const rows = await dataSource.query<{ data: Buffer }[]>(
      'SELECT data FROM research_export_chunk WHERE export_id = $1 AND seq = $2',
      [exportId, seq],
    );
    const data = rows[0]?.data;
    if (!data) return;
    yield data;
  }
}
