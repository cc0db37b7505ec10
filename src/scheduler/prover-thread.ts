import { Worker } from 'node:worker_threads';
import { Channel, foundSlots, newChannel, postHint, prove } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';

/**
 * Which exact search a thread runs: clasp on the answer-set model (then, if it has not finished in
 * its share of the time, our solver with the participants-per-slot bound), or our own SAT solver.
 */
export type ProverEngine = 'clasp' | 'sat';

/** The exact searches running beside the annealing, seen as one. */
export interface Provers {
  /** The best proven lower bound on the breaks of a complete schedule. */
  bound(): number;
  /** 1 or 2 as soon as one search proves optimality or infeasibility; 3 once all gave up; else 0. */
  verdict(): number;
  /** Tells every search the annealing's best complete schedule and its breaks. */
  hint(breaks: number, slots: Int32Array): void;
  /** Asks the searches to stop and waits at most `graceMs` for them (inline: runs the search for its share of the time left). */
  finish(graceMs: number): void;
  /** Blocks until a search has a verdict, `stopped` says so, or (if given) `ms` have passed. */
  wait(stopped: () => boolean, ms?: number): void;
  /** The searches' best own schedule, if they found one. */
  found(): { slots: Int32Array; breaks: number } | undefined;
  close(): void;
}

/** Starts one exact search in its own thread; it talks with the annealing through `channel`. */
function startProverThread(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  channel: Int32Array,
  peers: Int32Array[],
  remainingMs: number,
  engine: ProverEngine,
) {
  const worker = new Worker(new URL('./prover.worker.mjs', import.meta.url), {
    workerData: { problem, allowed, lowerBound, channel, peers, remainingMs, engine },
  });
  worker.unref();
  // A failing search gives up: the annealing's schedule stands, without its proof.
  worker.on('error', () => {
    Atomics.compareExchange(channel, Channel.VERDICT, 0, 3);
    Atomics.notify(channel, Channel.VERDICT);
  });
  return worker;
}

function pool(channels: Int32Array[], meetings: number, lowerBound: number) {
  const verdict = () => {
    const all = channels.map((c) => Atomics.load(c, Channel.VERDICT));
    return all.find((v) => v === 1 || v === 2) ?? (all.every((v) => v === 3) ? 3 : 0);
  };
  return {
    bound: () => Math.max(lowerBound, ...channels.map((c) => Atomics.load(c, Channel.BOUND))),
    verdict,
    hint(breaks: number, slots: Int32Array) {
      for (const c of channels) postHint(c, breaks, slots);
    },
    wait(stopped: () => boolean, ms = Number.POSITIVE_INFINITY) {
      const until = performance.now() + ms;
      while (verdict() === 0 && !stopped() && performance.now() < until)
        Atomics.wait(channels[0]!, Channel.VERDICT, 0, Math.min(50, Math.max(1, until - performance.now())));
    },
    found() {
      let best: { slots: Int32Array; breaks: number } | undefined;
      for (const c of channels) {
        const breaks = Atomics.load(c, Channel.FOUND_BREAKS);
        if (breaks >= 0 && (!best || breaks < best.breaks)) best = { slots: foundSlots(c, meetings), breaks };
      }
      return best;
    },
  };
}

/**
 * The exact searches in two threads (`prover.worker.ts` says which runs where): clasp, fast on most
 * instances, and our SAT solver, whose tables are counters (it proves the benchmark's table-tight
 * instances that clasp does not).
 */
export function startProverThreads(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  remainingMs: number,
): Provers {
  const M = problem.meetings.length;
  const engines: ProverEngine[] = ['clasp', 'sat'];
  const channels = engines.map(() => newChannel(M, true));
  const workers = engines.map((engine, i) =>
    startProverThread(
      problem,
      allowed,
      lowerBound,
      channels[i]!,
      channels.filter((_, j) => j !== i),
      remainingMs,
      engine,
    ),
  );
  const shared = pool(channels, M, lowerBound);
  return {
    ...shared,
    finish(ms: number) {
      for (const c of channels) Atomics.store(c, Channel.STOP, 1);
      const until = performance.now() + ms;
      for (const c of channels)
        while (Atomics.load(c, Channel.VERDICT) === 0 && performance.now() < until)
          Atomics.wait(c, Channel.VERDICT, 0, Math.max(1, until - performance.now()));
    },
    close() {
      for (const c of channels) Atomics.store(c, Channel.STOP, 1);
      for (const w of workers) void w.terminate();
    },
  };
}

/**
 * Our SAT solver in this thread, for models too small to be worth a thread: it runs after the
 * annealing, for `share` of the time then left before the deadline.
 */
export function inlineProver(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  deadline: number,
  share = 1,
): Provers {
  const channel = newChannel(problem.meetings.length, false);
  return {
    ...pool([channel], problem.meetings.length, lowerBound),
    finish: () => {
      const now = performance.now();
      prove(problem, allowed, lowerBound, channel, now + share * Math.max(0, deadline - now));
    },
    close() {},
  };
}
