/**
 * Entry point of the validation worker thread: runs one task (validation-tasks.ts) on the data it
 * was started with, posts the result or the error's name and message, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PsychometricsError } from '@swhc/psychometrics';
import { VALIDATION_TASKS, type ValidationTaskName } from './validation-tasks';

interface TaskRequest {
  readonly task: ValidationTaskName;
  readonly input: never;
}

const { task, input } = workerData as TaskRequest;
try {
  parentPort?.postMessage({ result: VALIDATION_TASKS[task](input) });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const statistics = error instanceof PsychometricsError;
  parentPort?.postMessage({ error: { statistics, name: e.name, message: e.message } });
}
