import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@nestjs/common';

export interface SupervisedWorkers {
  /** Resolves when every worker listens; rejects when one fails before it listens. */
  readonly listening: Promise<void>;
  /** Asks every worker to finish its requests and stop; resolves when all have exited. */
  readonly stop: () => Promise<void>;
}

/** A worker that dies this often within this window means something is broken: stop restarting. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const RESTART_DELAY_MS = 1_000;
const STOP_GRACE_MS = 10_000;

/**
 * Forks `count` workers running this same entry point (they share the port through the primary)
 * and restarts any that dies while serving. A worker failing before it first listens (a wrong
 * setting, no database) fails the start instead, so the deployment sees the error.
 */
export function superviseWorkers(count: number, logger: Logger): SupervisedWorkers {
  let stopping = false;
  const restarts: number[] = [];
  const fork = (): Worker => cluster.fork();

  const listening = new Promise<void>((resolve, reject) => {
    let ready = 0;
    for (let i = 0; i < count; i++) {
      const worker = fork();
      const failed = (code: number | null): void =>
        reject(new Error(`a worker process exited with ${code ?? 'a signal'} while starting`));
      worker.once('exit', failed);
      worker.once('listening', () => {
        worker.off('exit', failed);
        if (++ready === count) resolve();
      });
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] ?? now) < now - RESTART_WINDOW_MS) restarts.shift();
    logger.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    if (restarts.length > MAX_RESTARTS) {
      logger.error(`Workers stopped ${restarts.length} times within a minute: giving up`);
      process.exit(1);
    }
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS);
  });

  return {
    listening,
    stop: async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
              worker.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
