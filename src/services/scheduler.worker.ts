import { parentPort, workerData } from 'node:worker_threads';
import type { SchedulingProblem } from '../scheduler/problem.ts';
import { type SolveOptions, solve } from '../scheduler/solve.ts';

const { problem, options, cancel } = workerData as {
  problem: SchedulingProblem;
  options: SolveOptions;
  cancel: Int32Array;
};
parentPort?.postMessage(solve(problem, { ...options, cancel }));
