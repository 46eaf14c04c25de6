/** One row waiting to be inserted, and the request waiting for the outcome. */
interface Waiting<Row> {
  readonly row: Row;
  readonly key: string;
  resolve(inserted: boolean): void;
  reject(error: unknown): void;
}

export interface InsertBatcherOptions<Row> {
  /** Inserts rows in one statement; returns the keys of the rows it stored. */
  readonly insertMany: (rows: readonly Row[]) => Promise<ReadonlySet<string>>;
  /** A row's unique key (the submission id): two rows with one key never share a statement. */
  readonly keyOf: (row: Row) => string;
  /** True for an error that every row would meet again (the database is down): not retried. */
  readonly failsEveryRow: (error: unknown) => boolean;
  /** Statements running at once; rows arriving meanwhile wait and go together in the next one. */
  readonly maxInFlight: number;
  readonly maxBatch: number;
}

/**
 * Group insert: a row goes to the database at once while fewer than `maxInFlight` statements are
 * running; otherwise it waits for one to finish and goes with the others that arrived meanwhile,
 * in one statement (no timer, so a quiet server adds no delay). Each caller learns whether its
 * own row was stored, after the statement that carried it has committed. If a statement fails for
 * a reason other than the database being down, its rows are tried one by one, so one bad row
 * cannot fail the others.
 */
export class InsertBatcher<Row> {
  private readonly queue: Waiting<Row>[] = [];
  private inFlight = 0;

  constructor(private readonly options: InsertBatcherOptions<Row>) {}

  insert(row: Row): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ row, key: this.options.keyOf(row), resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  /** Up to maxBatch waiting rows, oldest first, at most one per key (a repeat waits its turn). */
  private takeBatch(): Waiting<Row>[] {
    const keys = new Set<string>();
    const batch: Waiting<Row>[] = [];
    for (let i = 0; i < this.queue.length && batch.length < this.options.maxBatch;) {
      const waiting = this.queue[i];
      if (keys.has(waiting.key)) {
        i++;
        continue;
      }
      keys.add(waiting.key);
      batch.push(waiting);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async run(batch: readonly Waiting<Row>[]): Promise<void> {
    try {
      const stored = await this.options.insertMany(batch.map((w) => w.row));
      for (const waiting of batch) waiting.resolve(stored.has(waiting.key));
    } catch (error) {
      if (batch.length === 1 || this.options.failsEveryRow(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      for (const waiting of batch) await this.run([waiting]);
    }
  }
}
