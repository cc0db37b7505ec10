import { workerData } from 'node:worker_threads';
import { proveWithClasp } from './clasp.ts';
import { prove } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';

const { problem, allowed, lowerBound, channel, remainingMs } = workerData as {
  problem: SchedulingProblem;
  allowed: number[][];
  lowerBound: number;
  channel: Int32Array;
  remainingMs: number;
};
const deadline = performance.now() + remainingMs;
// clasp where the program fits its stack, our own SAT solver beyond.
if (!(await proveWithClasp(problem, allowed, lowerBound, channel, deadline)))
  prove(problem, allowed, lowerBound, channel, deadline);
