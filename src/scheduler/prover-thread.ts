import { Worker } from 'node:worker_threads';
import { Channel, foundSlots, hintSlots, newChannel, postHint, prove } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';

/**
 * Which exact search a thread runs: clasp on the answer-set model (then, if it has not finished in
 * its share of the time, our solver climbing from the bound), clasp alone until the deadline
 * (`clasp-alone`), or our own SAT solver climbing from the bound (`climb`) or only looking for better
 * schedules (`improve`; see `prove`).
 */
export type ProverEngine = 'clasp' | 'clasp-alone' | 'climb' | 'improve';

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
  /** Asks every search still running to stop and waits at most `graceMs` for them (then `found` reads whole schedules). */
  stop(graceMs: number): void;
  /** Blocks until a search has a verdict, `stopped` says so, or (if given) `ms` have passed. */
  wait(stopped: () => boolean, ms?: number): void;
  /**
   * Blocks until the climbing search has built its model and answered its first question, a search
   * has a verdict, `stopped` says so, or `ms` have passed (inline: returns at once).
   */
  ready(stopped: () => boolean, ms: number): void;
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
  order?: number,
) {
  const worker = new Worker(new URL('./prover.worker.mjs', import.meta.url), {
    workerData: { problem, allowed, lowerBound, channel, peers, remainingMs, engine, order },
  });
  worker.unref();
  // A failing search gives up: the annealing's schedule stands, without its proof.
  worker.on('error', () => {
    Atomics.compareExchange(channel, Channel.VERDICT, 0, 3);
    Atomics.notify(channel, Channel.VERDICT);
  });
  return worker;
}

/** Asks the searches on `channels` to stop and waits at most `ms` for their verdicts. */
function stopAll(channels: Int32Array[], ms: number) {
  for (const c of channels) Atomics.store(c, Channel.STOP, 1);
  const until = performance.now() + ms;
  for (const c of channels)
    while (Atomics.load(c, Channel.VERDICT) === 0 && performance.now() < until)
      Atomics.wait(c, Channel.VERDICT, 0, Math.max(1, until - performance.now()));
}

/** Blocks until `done` or `stopped` says so or `ms` have passed, sleeping on `channel[index]` 50 ms at most at a time. */
function blockUntil(
  done: () => boolean,
  stopped: () => boolean,
  ms: number,
  channel: Int32Array,
  index: number,
) {
  const until = performance.now() + ms;
  while (!done() && !stopped() && performance.now() < until)
    Atomics.wait(channel, index, 0, Math.min(50, Math.max(1, until - performance.now())));
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
      blockUntil(() => verdict() !== 0, stopped, ms, channels[0]!, Channel.VERDICT);
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
 * instances that clasp does not). `order` seeds the branching order of our solver in clasp's thread
 * (the solve's seed: another seed, another search there).
 */
export function startProverThreads(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  remainingMs: number,
  order = 1,
): Provers {
  const M = problem.meetings.length;
  const engines: ProverEngine[] = ['clasp', 'climb'];
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
      order,
    ),
  );
  const shared = pool(channels, M, lowerBound);
  const climbing = channels[engines.indexOf('climb')]!;
  return {
    ...shared,
    ready(stopped: () => boolean, ms: number) {
      const done = () => Atomics.load(climbing, Channel.READY) !== 0 || shared.verdict() !== 0;
      blockUntil(done, stopped, ms, climbing, Channel.READY);
    },
    finish: (ms: number) => stopAll(channels, ms),
    stop: (ms: number) => stopAll(channels, ms),
    close() {
      for (const c of channels) Atomics.store(c, Channel.STOP, 1);
      for (const w of workers) void w.terminate();
    },
  };
}

/**
 * Our SAT solver in this thread, for models too small to be worth a thread: it runs after the
 * annealing, for `share` of the time then left before the deadline, or until `cancelled` says so.
 * When it has not finished after `helperAfterMs`, a second search joins it in a thread on the
 * machine's other core, one that only looks for better schedules (anchored on the best one known while
 * far above the bound: SCHEDULER.md), and it keeps going while the annealing takes the rest of the
 * time. When our solver's share ends without a verdict, clasp joins them in a thread of its own until
 * the deadline: a second opinion that closes some of what ours leaves open (tic-13crafc.fixed040-Forb,
 * 6.6 s alone for clasp). They share bounds and schedules.
 */
export function inlineProver(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  deadline: number,
  {
    share = 1,
    helperAfterMs = Number.POSITIVE_INFINITY,
    cancelled = () => false,
    claspAfter = true,
  }: {
    share?: number;
    helperAfterMs?: number;
    cancelled?: () => boolean;
    /** Whether clasp joins when our solver's share ends without a verdict. */
    claspAfter?: boolean;
  } = {},
): Provers {
  const M = problem.meetings.length;
  const channel = newChannel(M, true);
  const channels = [channel];
  const peers: Int32Array[] = [];
  const joined: Worker[] = [];
  let helperStarted = false;
  /** Starts a search in a thread on a channel of its own, from the best bound proven so far. */
  const join = (engine: ProverEngine, own: Int32Array, itsPeers: Int32Array[]) => {
    const bound = Math.max(lowerBound, ...channels.map((c) => Atomics.load(c, Channel.BOUND)));
    joined.push(
      startProverThread(problem, allowed, bound, own, itsPeers, deadline - performance.now(), engine),
    );
    channels.push(own);
    peers.push(own);
  };
  const startHelper = () => {
    helperStarted = true;
    const own = newChannel(M, true);
    const hinted = Atomics.load(channel, Channel.HINT_BREAKS);
    if (hinted >= 0) postHint(own, hinted, hintSlots(channel, M));
    join('improve', own, [channel]);
  };
  return {
    ...pool(channels, M, lowerBound),
    ready: () => {},
    finish: () => {
      const now = performance.now();
      const helperAt = now + helperAfterMs;
      prove(problem, allowed, lowerBound, channel, now + share * Math.max(0, deadline - now), {
        peers,
        tick: () => {
          if (cancelled()) Atomics.store(channel, Channel.STOP, 1);
          else if (!helperStarted && performance.now() >= helperAt) startHelper();
        },
      });
      const verdict = Atomics.load(channel, Channel.VERDICT);
      if (claspAfter && verdict !== 1 && verdict !== 2 && !cancelled() && performance.now() < deadline)
        join('clasp-alone', newChannel(M, true), []);
    },
    stop: (ms: number) => stopAll(peers, ms),
    close() {
      for (const c of channels) Atomics.store(c, Channel.STOP, 1);
      for (const w of joined) void w.terminate();
    },
  };
}
