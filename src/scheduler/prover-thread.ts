import { Worker } from 'node:worker_threads';
import { Channel } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';

/** Starts the exact search in its own thread, beside the annealing; they talk through `channel`. */
export function startProverThread(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  channel: Int32Array,
  remainingMs: number,
) {
  const worker = new Worker(new URL('./prover.worker.mjs', import.meta.url), {
    workerData: { problem, allowed, lowerBound, channel, remainingMs },
  });
  worker.unref();
  // A failing search gives up: the annealing's schedule stands, without its proof.
  worker.on('error', () => {
    Atomics.compareExchange(channel, Channel.VERDICT, 0, 3);
    Atomics.notify(channel, Channel.VERDICT);
  });
  return {
    /** Asks the search to stop and waits (at most `ms`) for its verdict. */
    stopAndWait(ms: number) {
      Atomics.store(channel, Channel.STOP, 1);
      const until = performance.now() + ms;
      while (Atomics.load(channel, Channel.VERDICT) === 0 && performance.now() < until)
        Atomics.wait(channel, Channel.VERDICT, 0, Math.max(1, until - performance.now()));
    },
    close() {
      Atomics.store(channel, Channel.STOP, 1);
      void worker.terminate();
    },
  };
}
