import { InsertBatcher } from './insert-batcher';

/** A fake statement runner whose statements finish when the test says so. */
function manualDatabase(fail?: (rows: readonly string[]) => Error | null) {
  const statements: { rows: readonly string[]; finish: () => void }[] = [];
  const insertMany = (rows: readonly string[]) =>
    new Promise<ReadonlySet<string>>((resolve, reject) => {
      statements.push({
        rows,
        finish: () => {
          const error = fail?.(rows) ?? null;
          if (error) reject(error);
          else resolve(new Set(rows.filter((r) => !r.startsWith('taken'))));
        },
      });
    });
  return { statements, insertMany };
}

/** A batcher of strings (each its own key) over `db`: one statement at a time, up to 10 rows. */
function batcherOver(
  db: ReturnType<typeof manualDatabase>,
  failsEveryRow: (error: unknown) => boolean = () => false,
) {
  return new InsertBatcher<string>({
    insertMany: db.insertMany,
    keyOf: (r) => r,
    failsEveryRow,
    maxInFlight: 1,
    maxBatch: 10,
  });
}

const tick = () => new Promise((r) => setImmediate(r));

describe('InsertBatcher', () => {
  it('sends a row at once while statements are free, and the rest together when one finishes', async () => {
    const db = manualDatabase();
    const batcher = batcherOver(db);
    const first = batcher.insert('a');
    const later = ['b', 'c', 'taken-d'].map((r) => batcher.insert(r));
    expect(db.statements.map((s) => s.rows)).toEqual([['a']]);
    db.statements[0]?.finish();
    expect(await first).toBe(true);
    await tick();
    expect(db.statements.map((s) => s.rows)).toEqual([['a'], ['b', 'c', 'taken-d']]);
    db.statements[1]?.finish();
    expect(await Promise.all(later)).toEqual([true, true, false]);
  });

  it('never puts one key twice in a statement: the repeat goes in the next one', async () => {
    const db = manualDatabase();
    const batcher = batcherOver(db);
    void batcher.insert('x');
    const repeats = [batcher.insert('y'), batcher.insert('y'), batcher.insert('z')];
    db.statements[0]?.finish();
    await tick();
    expect(db.statements[1]?.rows).toEqual(['y', 'z']);
    db.statements[1]?.finish();
    await tick();
    expect(db.statements[2]?.rows).toEqual(['y']);
    db.statements[2]?.finish();
    await expect(Promise.all(repeats)).resolves.toEqual([true, true, true]);
  });

  it('tries the rows of a failed statement one by one, so one bad row fails alone', async () => {
    const db = manualDatabase((rows) => (rows.includes('bad') ? new Error('constraint') : null));
    const batcher = batcherOver(db);
    void batcher.insert('first');
    const rows = ['ok-1', 'bad', 'ok-2'].map((r) => batcher.insert(r).catch((e: Error) => e));
    db.statements[0]?.finish();
    for (let i = 1; i < 5; i++) {
      await tick();
      db.statements[i]?.finish();
    }
    const [ok1, bad, ok2] = await Promise.all(rows);
    expect([ok1, ok2]).toEqual([true, true]);
    expect(bad).toBeInstanceOf(Error);
  });

  it('fails every row at once when the database is down', async () => {
    const down = new Error('Connection terminated');
    const db = manualDatabase(() => down);
    const batcher = batcherOver(db, (e) => e === down);
    void batcher.insert('first').catch(() => undefined);
    const rows = ['a', 'b'].map((r) => batcher.insert(r).catch((e: unknown) => e));
    db.statements[0]?.finish();
    await tick();
    db.statements[1]?.finish();
    expect(await Promise.all(rows)).toEqual([down, down]);
    expect(db.statements).toHaveLength(2);
  });
});
