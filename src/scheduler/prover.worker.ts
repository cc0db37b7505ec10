import { workerData } from 'node:worker_threads';
import { proveWithClasp } from './clasp.ts';
import { Channel, prove } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';
import type { ProverEngine } from './prover-thread.ts';

const { problem, allowed, lowerBound, channel, remainingMs, engine } = workerData as {
  problem: SchedulingProblem;
  allowed: number[][];
  lowerBound: number;
  channel: Int32Array;
  remainingMs: number;
  engine: ProverEngine;
};
const deadline = performance.now() + remainingMs;
// Beside clasp, which has the participants-per-slot bound, our solver goes without it.
if (engine === 'sat') prove(problem, allowed, lowerBound, channel, deadline, { busyBound: false });
// A program too long for clasp's stack: the SAT thread carries on alone.
else if (!(await proveWithClasp(problem, allowed, lowerBound, channel, deadline))) {
  Atomics.store(channel, Channel.VERDICT, 3);
  Atomics.notify(channel, Channel.VERDICT);
}
