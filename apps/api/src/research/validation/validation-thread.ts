import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PsychometricsError } from '@swhc/psychometrics';
import { VALIDATION_TASKS, type ValidationTaskName } from './validation-tasks';

type Task = typeof VALIDATION_TASKS;
type TaskInput<K extends ValidationTaskName> = Parameters<Task[K]>[0];
type TaskResult<K extends ValidationTaskName> = ReturnType<Task[K]>;

/** A failure in the thread: its name and message, and whether it was the statistics library's. */
interface WorkerError {
  readonly statistics: boolean;
  readonly name: string;
  readonly message: string;
}

type WorkerAnswer<T> = { result: T } | { error: WorkerError };

/** Run from the TypeScript sources (tests, the CLI under tsx) rather than the compiled build. */
const FROM_SOURCES = __filename.endsWith('.ts');

function startWorker(workerData: unknown): Worker {
  const entry = join(__dirname, `validation.worker${FROM_SOURCES ? '.ts' : '.js'}`);
  if (!FROM_SOURCES) return new Worker(entry, { workerData });
  // The sources need tsx's loader (with the api's path aliases) inside the thread as well.
  const tsconfig = resolve(__dirname, '../../../tsconfig.app.json');
  const code = [
    `process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(tsconfig)};`,
    `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();`,
    `require(${JSON.stringify(entry)});`,
  ].join('\n');
  return new Worker(code, { eval: true, workerData });
}

/**
 * Runs the validation report's statistics on worker threads: a report takes seconds of CPU, and on
 * the main thread it would stall every request of this instance meanwhile (long enough for waiting
 * database connections to time out). One thread per task; they are rare (once per set of closed
 * waves, once per pair of waves before that) and end with their task.
 */
export class ValidationThreads {
  private readonly running = new Set<Worker>();

  run<K extends ValidationTaskName>(task: K, input: TaskInput<K>): Promise<TaskResult<K>> {
    return new Promise<TaskResult<K>>((resolvePromise, reject) => {
      const worker = startWorker({ task, input });
      this.running.add(worker);
      let answered = false;
      worker.once('message', (answer: WorkerAnswer<TaskResult<K>>) => {
        answered = true;
        if ('result' in answer) resolvePromise(answer.result);
        else reject(rebuiltError(answer.error));
      });
      worker.once('error', (error: Error) => {
        answered = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        this.running.delete(worker);
        if (!answered) reject(new Error(`The validation worker stopped (exit code ${code})`));
      });
    });
  }

  /** Stops every running task (the app is shutting down); their callers get an error. */
  async stop(): Promise<void> {
    await Promise.all([...this.running].map((worker) => worker.terminate()));
  }
}

/** The worker's error as the class the error mapping knows (a statistics failure is a 422). */
function rebuiltError(error: WorkerError): Error {
  if (error.statistics) return new PsychometricsError(error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
