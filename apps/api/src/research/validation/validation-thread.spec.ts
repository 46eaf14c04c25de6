import { HEALTH_CHECK_V1, type InstrumentDefinition } from '@swhc/instruments';
import { syntheticCohort } from '../../demo/synthetic-responses';
import { buildResponseTable, type ResponseRow } from '../../reports/data/response-table';
import { pairComparabilities } from './validation-tasks';
import { ValidationThreads } from './validation-thread';

const V1 = HEALTH_CHECK_V1;

function rows(n: number, seed: number): ResponseRow[] {
  return syntheticCohort(V1, 'adults', n, seed, 0.02).map((answers) => ({
    organisationId: 'x',
    answers,
    scores: {},
  }));
}

describe('the validation worker thread', () => {
  const threads = new ValidationThreads();
  afterAll(() => threads.stop());

  const pair = {
    instrument: V1,
    before: buildResponseTable(V1, rows(300, 1)),
    after: buildResponseTable(V1, rows(300, 2)),
    names: ['2024', '2025'] as const,
  };

  it('computes what the same function computes here, while this thread stays free', async () => {
    // Timers only fire while this thread is idle: a computation run here would allow none.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const onThread = await threads.run('pair', pair);
    clearInterval(timer);
    expect(onThread).toEqual(pairComparabilities(pair));
    expect(onThread.map((s) => s.scale)).toEqual(V1.scales.map((s) => s.key));
    expect(ticks).toBeGreaterThan(0);
  });

  it('passes an error in the thread on, by name and message', async () => {
    const broken = { ...V1, scales: null } as unknown as InstrumentDefinition;
    await expect(threads.run('pair', { ...pair, instrument: broken })).rejects.toMatchObject({
      name: 'TypeError',
      message: expect.stringContaining('map') as unknown,
    });
  });

  it('stops a running task when the app stops, failing its caller', async () => {
    const own = new ValidationThreads();
    const running = own.run('pair', pair);
    await own.stop();
    await expect(running).rejects.toThrow(/stopped/);
  });
});
