import { workerData } from 'node:worker_threads';
import { proveWithClasp } from './clasp.ts';
import { Channel, prove } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';
import type { ProverEngine } from './prover-thread.ts';

const { problem, allowed, lowerBound, channel, peers, remainingMs, engine } = workerData as {
  problem: SchedulingProblem;
  allowed: number[][];
  lowerBound: number;
  channel: Int32Array;
  /** The other threads' channels, whose proven bounds this search takes over. */
  peers: Int32Array[];
  remainingMs: number;
  engine: ProverEngine;
};
/** clasp's share of the search time (it finished every original it proves within 4.1 s alone), and its least. */
const CLASP_SHARE = 1 / 3;
const CLASP_MIN_MS = 5000;

const started = performance.now();
const deadline = started + remainingMs;
const giveUp = () => {
  Atomics.store(channel, Channel.VERDICT, 3);
  Atomics.notify(channel, Channel.VERDICT);
};
// Beside clasp, which has the participants-per-slot bound as a plain cardinality constraint, our
// solver has it as a counter, and only climbs from the bound (its calls then depend on nothing but
// the bound, and the call at the bound gets all the time). clasp, when it has not finished within its
// share of the time, leaves its thread to our solver on the same model, which then only looks for
// better schedules (anchored on one full slot of the best known while that is far above the bound).
// Since the slots' matchings, the counter form proves what the form without it did, and sooner
// (SCHEDULER.md).
if (engine !== 'clasp')
  prove(problem, allowed, lowerBound, channel, deadline, { busyBound: 'counter', search: engine, peers });
else {
  const claspDeadline = Math.min(deadline, started + Math.max(CLASP_MIN_MS, remainingMs * CLASP_SHARE));
  let clasp = await proveWithClasp(problem, allowed, lowerBound, channel, claspDeadline);
  // Still at the first bound after clasp's share: the question is whether a schedule at the bound
  // exists at all, which clasp's preset for crafted problems answers sooner on some problems (SCHEDULER.md);
  // it keeps the thread. Otherwise the gap is between the bound and the best schedule, which our solver
  // narrows by looking for better schedules.
  const stuck = Math.max(...[channel, ...peers].map((c) => Atomics.load(c, Channel.BOUND))) <= lowerBound;
  if (clasp === 'gave-up' && Atomics.load(channel, Channel.STOP) === 0 && stuck)
    clasp = await proveWithClasp(problem, allowed, lowerBound, channel, deadline, 'crafty');
  if (clasp !== 'verdict') {
    if (Atomics.load(channel, Channel.STOP) === 1) giveUp();
    else
      prove(problem, allowed, lowerBound, channel, deadline, {
        busyBound: 'counter',
        search: 'improve',
        peers,
      });
  }
}
