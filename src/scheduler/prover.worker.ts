import { workerData } from 'node:worker_threads';
import { prove } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';

const { problem, allowed, lowerBound, channel, remainingMs } = workerData as {
  problem: SchedulingProblem;
  allowed: number[][];
  lowerBound: number;
  channel: Int32Array;
  remainingMs: number;
};
prove(problem, allowed, lowerBound, channel, performance.now() + remainingMs);
