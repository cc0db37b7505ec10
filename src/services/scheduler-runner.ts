import { Worker } from 'node:worker_threads';
import type { SchedulingProblem, SolveResult } from '../scheduler/problem.ts';
import type { SolveOptions } from '../scheduler/solve.ts';

export interface SchedulerRun {
  result: Promise<SolveResult>;
  /** Stops the search; the result then holds the best schedule found so far. */
  cancel(): void;
}

/** Runs the scheduler in a worker thread, never on the event loop, with a time limit and a cancel. */
export function runScheduler(
  problem: SchedulingProblem,
  options: Omit<SolveOptions, 'signal' | 'cancel'>,
): SchedulerRun {
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./scheduler.worker.mjs', import.meta.url), {
    workerData: { problem, options, cancel },
  });
  const result = new Promise<SolveResult>((resolve, reject) => {
    worker.once('message', (r: SolveResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the scheduler worker stopped with code ${code}`));
    });
  });
  return {
    result,
    cancel: () => {
      Atomics.store(cancel, 0, 1);
    },
  };
}
