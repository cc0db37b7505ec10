import { workerData } from 'node:worker_threads';
import { aspProgram } from './asp.ts';
import { CLASP_MAX_PROGRAM, proveWithClasp } from './clasp.ts';
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
if (aspProgram(problem, allowed)().length <= CLASP_MAX_PROGRAM)
  await proveWithClasp(problem, allowed, lowerBound, channel, deadline);
else prove(problem, allowed, lowerBound, channel, deadline);
