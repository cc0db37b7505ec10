import { workerData } from 'node:worker_threads';
import { proveWithClasp } from './clasp.ts';
import { Channel, prove } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';
import type { ProverEngine } from './prover-thread.ts';

const { problem, allowed, lowerBound, channel, peers, remainingMs, engine, order } = workerData as {
  problem: SchedulingProblem;
  allowed: number[][];
  lowerBound: number;
  channel: Int32Array;
  /** The other threads' channels, whose proven bounds this search takes over. */
  peers: Int32Array[];
  remainingMs: number;
  engine: ProverEngine;
  /** The seed of our solver's branching order in the thread after clasp (SatSolver.shuffleOrder; startProverThreads gives it). */
  order: number | undefined;
};
/**
 * clasp's share of the search time, at least 5 s (it finished every original it proves within 4.1 s
 * alone). At 60 s it keeps clasp until forum-14.prec15's optimum (8.6 s alone, 11 s beside the other
 * searches; with 5 s once the bound had moved, our solvers took 50 s there), at 30 s it leaves the
 * thread to our solver after 7 s (SCHEDULER.md).
 */
const CLASP_SHARE = 1 / 4;
const CLASP_MIN_MS = 5000;
/** The share of its time that the thread after clasp spends only looking for better schedules, at its end. */
const IMPROVE_SHARE = 1 / 4;

const started = performance.now();
const deadline = started + remainingMs;
const giveUp = () => {
  Atomics.store(channel, Channel.VERDICT, 3);
  Atomics.notify(channel, Channel.VERDICT);
};
// Beside clasp, which has the participants-per-slot bound as a plain cardinality constraint, our
// solver has it as a counter, and only climbs from the bound (its calls then depend on nothing but
// the bound, and the call at the bound gets all the time). clasp, when it has not finished within its
// share of the time, leaves its thread to our solver on the same model, in another branching order, or
// to itself in its preset for crafted problems (SCHEDULER.md).
if (engine === 'clasp-alone') {
  // clasp until the deadline, nothing after it (a second opinion beside our solver: prover-thread.ts).
  const clasp = await proveWithClasp(problem, allowed, lowerBound, channel, deadline);
  if (clasp !== 'verdict') giveUp();
} else if (engine !== 'clasp')
  prove(problem, allowed, lowerBound, channel, deadline, { busyBound: 'counter', search: engine, peers });
else {
  const claspDeadline = Math.min(deadline, started + Math.max(CLASP_MIN_MS, remainingMs * CLASP_SHARE));
  const bestBound = () => Math.max(...[channel, ...peers].map((c) => Atomics.load(c, Channel.BOUND)));
  let clasp = await proveWithClasp(problem, allowed, lowerBound, channel, claspDeadline, 'auto');
  // Still at the first bound after clasp's share: the question is whether a schedule at the bound
  // exists at all, which clasp's preset for crafted problems answers sooner on some problems (SCHEDULER.md);
  // it keeps the thread. Once a bound above the first is proven, the question is where the optimum
  // lies above it, which clasp's core-guided search does not say before it ends: our solver takes over.
  if (clasp === 'gave-up' && Atomics.load(channel, Channel.STOP) === 0 && bestBound() <= lowerBound)
    clasp = await proveWithClasp(problem, allowed, lowerBound, channel, deadline, 'crafty');
  if (clasp !== 'verdict') {
    if (Atomics.load(channel, Channel.STOP) === 1) giveUp();
    else {
      // Otherwise our solver asks the other thread's questions in another order (two searches on the
      // question at the bound find its schedule sooner than one: SCHEDULER.md), and in the last
      // quarter of the time only looks for better schedules, so that an open problem still ends with
      // a better one than the annealing's.
      const left = deadline - performance.now();
      prove(problem, allowed, lowerBound, channel, deadline, {
        busyBound: 'counter',
        search: 'climb',
        order,
        improveAfter: deadline - left * IMPROVE_SHARE,
        peers,
      });
    }
  }
}
