import { seededRandom } from '../domain/random.ts';
import { tightenByPrecedence } from './domains.ts';
import { breaksLowerBound, provenInfeasibility } from './lower-bound.ts';
import {
  allowedSlots,
  modelSize,
  type SchedulingProblem,
  type SolveResult,
  type Unscheduled,
} from './problem.ts';
import { inlineProver, startProverThreads } from './prover-thread.ts';
import { repairByRemoval } from './repair.ts';
import { lexLess, SearchState } from './search-state.ts';
import { assignTables } from './tables.ts';

export interface SolveOptions {
  timeLimitSeconds?: number;
  seed?: number;
  /** An earlier schedule: per meeting its slot and table, or -1 where the meeting is new. */
  keep?: { slots: number[]; tables: number[] };
  signal?: AbortSignal;
  /** Set its first cell to 1 (from another thread) to stop the search and get the best schedule so far. */
  cancel?: Int32Array;
}

const HARD = 1_000_000;
/** Above this many meeting-in-slot variables the exact model is not built (the annealing alone runs). */
const EXACT_MAX_VARIABLES = 60_000;
/** Below this many, the exact search runs after the annealing in the same thread (a thread costs ~0.5 s). */
const INLINE_MAX_VARIABLES = 2_000;
/**
 * Inline, the annealing hands over after this many moves without a better schedule: soon, since the
 * exact search there finds and proves the optimum in a fraction of a second where the annealing's
 * last gains took over a second (tic-13 1.9 → 0.5 s, tic-13crafc 7.1 → 5.3 s median at 2,000 instead
 * of 50,000: SCHEDULER.md).
 */
const INLINE_STALL_MOVES = 2_000;
/**
 * Inline, the exact search's share of the time left after that first turn; the annealing takes the
 * rest when nothing is proven (an open file otherwise ends with the schedule of the annealing's short
 * first turn: tic-13crafc.fixed040-Forb 31 breaks against 21).
 */
const INLINE_EXACT_SHARE = 0.5;
/**
 * Inline, an exact search still running after this long gets a second one beside it in a thread,
 * on the machine's other core (tic-13crafc.fixed040-Forb: SCHEDULER.md).
 */
const INLINE_HELPER_AFTER_MS = 1000;
/**
 * The annealing stops after this long without a better schedule when the exact searches' threads can
 * use its core, or when infeasibility is proven before the search (only the placed weight is left).
 */
const STALL_MS = 3000;
/**
 * Once stalled beside the threads, the annealing rests (until a verdict) while more than LATE_SHARE
 * of the time is left, leaving both cores to the exact searches; in that last part it rests REST_MS at
 * a time and runs again until it stalls for SLICE_MS (a quarter of one core), so that a search that
 * proves nothing still ends with a better schedule than the annealing's first stall (SCHEDULER.md).
 */
const LATE_SHARE = 1 / 4;
const REST_MS = 3000;
const SLICE_MS = 1000;
/**
 * Beside threads, the annealing starts once the climbing search has its model and its first answer,
 * or after this share of the time: three busy threads on two cores slowed the building of the
 * threads' models two- to threefold, and the annealing's first schedule is not what the threads
 * need first (SCHEDULER.md).
 */
const READY_WAIT_SHARE = 0.05;
/** How long the annealing waits for the exact search's verdict once asked to stop. */
const PROVER_GRACE_MS = 1000;

// Annealing schedule, in units of one break: start warm, cool every 1,024 moves, and after 400,000
// moves without a better schedule go back to the best one and warm up again. A whole-slot swap is
// tried on 2 % of the moves, less where slots hold more than SLOT_SWAP_SIZE meetings (it moves them
// all: at 50,000 meetings it took nearly all the time). Chosen on the benchmark (SCHEDULER.md).
const T0 = 2;
/** Down to this start temperature on large problems, where a warm start undoes more than the search can redo. */
const T0_LARGE = 0.3;
const TMIN = 0.05;
const DECAY = 0.995;
const STUCK = 400_000;
const SLOT_SWAP_RATE = 0.02;
const SLOT_SWAP_SIZE = 32;

type Rank = [number, number, number, number];

/**
 * Schedules the meetings: first every meeting if possible (else the most weight, each left-out meeting
 * with its reason), then the fewest moves away from `keep`, then the fewest breaks, then table changes.
 * Never throws for infeasible input. Reports `optimal` only when the breaks meet the proven lower bound,
 * `infeasible` only with a proof that not every meeting fits. Deterministic for a seed, unless the time
 * limit or the signal stops it first.
 */
export function solve(problem: SchedulingProblem, options: SolveOptions = {}): SolveResult {
  const started = performance.now();
  const limitMs = (options.timeLimitSeconds ?? 60) * 1000;
  // The search stops a little early, leaving time to repair, assign tables and answer within the limit.
  const deadline = started + limitMs - Math.min(1500, limitMs * 0.05);
  const random = seededRandom(options.seed ?? 1);
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const keepSlots = options.keep?.slots;
  const st = new SearchState(problem, keepSlots);
  const lowerBound = breaksLowerBound(problem, allowed);
  const weightOf = (m: number) => problem.meetings[m]!.weight ?? 1;
  // One break weighs more than the idle slots that one move can add; one moved meeting more than the
  // breaks one move can remove; a violated constraint more than anything else. Idle slots guide the
  // search towards closing gaps, while the best schedule is chosen by (violations, moves, breaks).
  const breakWeight = 2 * problem.slots + 1;
  const moveWeight = breakWeight * (2 * problem.slots + 1);
  const violationWeight = moveWeight * 8;
  const cost = () =>
    st.violations() * violationWeight + st.moved * moveWeight + st.breaks * breakWeight + st.idle;
  const rank = (): Rank => [st.violations(), st.moved, st.breaks, st.idle];

  const impossible: Unscheduled[] = [];
  allowed.forEach((slots, m) => {
    if (slots.length === 0)
      impossible.push({
        meeting: m,
        reason: 'no slot fits its session, fixed slot and participants’ availability',
      });
  });

  construct(st, allowed, random, keepSlots);
  const isStopped = () =>
    performance.now() > deadline ||
    options.signal?.aborted === true ||
    (options.cancel !== undefined && Atomics.load(options.cancel, 0) === 1);
  // Small enough for the exact search (and no earlier schedule to stay close to): it runs beside the
  // annealing, in its own thread unless the model is tiny, and they share schedules and bounds.
  const size = modelSize(allowed);
  // Proven before any search: not every meeting fits. The annealing then looks for the most weight it
  // can place, and stops once it stalls.
  const knownInfeasible =
    impossible.length > 0 ? impossible[0]!.reason : provenInfeasibility(problem, allowed);
  const exact = !keepSlots && !knownInfeasible && size <= EXACT_MAX_VARIABLES;
  // The exact search only looks at complete schedules, so precedences may narrow its slots first.
  const exactAllowed = exact ? tightenByPrecedence(problem, allowed) : allowed;
  const threaded = size > INLINE_MAX_VARIABLES;
  const provers = !exact
    ? undefined
    : threaded
      ? startProverThreads(problem, exactAllowed, lowerBound, deadline - performance.now(), options.seed ?? 1)
      : inlineProver(problem, exactAllowed, lowerBound, deadline, {
          share: INLINE_EXACT_SHARE,
          helperAfterMs: INLINE_HELPER_AFTER_MS,
          cancelled: isStopped,
        });
  const proven = () => provers?.bound() ?? lowerBound;
  const verdict = () => provers?.verdict() ?? 0;
  const proved = () => verdict() === 1 || verdict() === 2;
  /** From here on, a stalled annealing takes turns with the threads instead of resting (LATE_SHARE). */
  const lateFrom = deadline - LATE_SHARE * (deadline - started);
  // Inline, the annealing gets a first turn until it stalls; beside threads, until one is done.
  const annealingStopped = () => isStopped() || verdict() !== 0;
  const onBest = (r: Rank) => {
    if (r[0] === 0 && r[1] === 0) provers?.hint(r[2], st.slot);
  };
  const score = { cost, rank, breakWeight };
  provers?.ready(isStopped, READY_WAIT_SHARE * (deadline - started));
  const best = improve(st, allowed, random, score, proven, annealingStopped, {
    onBest,
    stall: provers && !threaded ? INLINE_STALL_MOVES : undefined,
    stallMs: (provers && threaded) || knownInfeasible ? STALL_MS : undefined,
    rest:
      provers && threaded
        ? (ms) => {
            provers.wait(isStopped, Math.max(ms, lateFrom - performance.now()));
            return annealingStopped();
          }
        : undefined,
  });
  for (let m = 0; m < st.M; m++) st.move(m, best[m]!);
  let complete = st.violations() === 0;
  if (provers && !(complete && st.breaks <= proven())) {
    // Beside threads, an annealing that has stalled leaves its core to the exact searches.
    if (threaded) provers.wait(isStopped);
    provers.finish(PROVER_GRACE_MS);
    if (!threaded && !proved() && !isStopped()) {
      // Inline, an exact search that proved nothing within its share of the time leaves the rest to
      // the annealing, so that an open problem still gets a schedule of its whole time.
      const again = improve(st, allowed, random, score, proven, () => isStopped() || proved(), {
        onBest,
        stall: undefined,
        stallMs: undefined,
        rest: undefined,
      });
      for (let m = 0; m < st.M; m++) st.move(m, again[m]!);
      complete = st.violations() === 0;
    }
    provers.stop(PROVER_GRACE_MS);
    const found = provers.found();
    if (found && (!complete || found.breaks < st.breaks))
      for (let m = 0; m < st.M; m++) st.move(m, found.slots[m]!);
  }
  provers?.close();
  let bound = proven();
  const exactProof = verdict() === 1 ? 'optimal' : verdict() === 2 ? 'infeasible' : null;

  const unscheduled = [...impossible];
  repairByRemoval(st, allowed, weightOf, unscheduled);
  const { tables, changes } = assignTables(problem, st.slot, options.keep?.tables);
  const allPlaced = unscheduled.length === 0;
  const proof =
    knownInfeasible ??
    (exactProof === 'infeasible'
      ? 'the exact search proved that no schedule places every meeting'
      : undefined);
  const status = allPlaced
    ? st.breaks <= bound && st.moved === 0
      ? 'optimal'
      : 'feasible'
    : proof
      ? 'infeasible'
      : 'unknown';
  if (status === 'optimal') bound = st.breaks;
  let scheduledWeight = 0;
  for (let m = 0; m < st.M; m++) if (st.slot[m]! >= 0) scheduledWeight += weightOf(m);
  return {
    status,
    objective: allPlaced ? st.breaks : null,
    lowerBound: bound,
    slots: Array.from(st.slot),
    tables,
    unscheduled: unscheduled.sort((a, b) => a.meeting - b.meeting),
    ...(status === 'infeasible' && proof && { infeasibleBecause: proof }),
    scheduledWeight,
    tableChanges: changes,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Places the most constrained meetings first, each where it clashes least and leaves fewest gaps. */
function construct(
  st: SearchState,
  allowed: number[][],
  random: () => number,
  keepSlots: number[] | undefined,
) {
  const order = [...allowed.keys()].filter((m) => allowed[m]!.length > 0);
  const degree = new Int32Array(st.P);
  for (const members of st.members) for (const p of members) degree[p]!++;
  const pressure = (m: number) =>
    allowed[m]!.length * 1000 - Math.max(...Array.from(st.members[m]!, (p) => degree[p]!));
  order.sort((a, b) => pressure(a) - pressure(b) || a - b);
  for (const m of order) {
    const kept = keepSlots?.[m] ?? -1;
    if (kept >= 0 && allowed[m]!.includes(kept)) {
      st.move(m, kept);
      continue;
    }
    let bestSlot = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const s of allowed[m]!) {
      let score = 0;
      for (const p of st.members[m]!) {
        const row = p * st.S;
        if (st.busy[row + s]! > 0) score += HARD;
        const left = s > 0 && st.day[s - 1] === st.day[s] && st.busy[row + s - 1]! > 0;
        const right = s + 1 < st.S && st.day[s + 1] === st.day[s] && st.busy[row + s + 1]! > 0;
        if (left || right) score -= 2;
      }
      if (st.hosted[m] === 0 && st.load[s]! >= st.capacity) score += HARD;
      for (const b of st.predecessors[m]!) if (st.slot[b]! >= s) score += HARD;
      for (const c of st.successors[m]!) if (st.slot[c]! >= 0 && st.slot[c]! <= s) score += HARD;
      score += random();
      if (score < bestScore) {
        bestScore = score;
        bestSlot = s;
      }
    }
    st.move(m, bestSlot);
  }
}

/** Simulated annealing over slot moves and swaps; returns the best slots seen. */
function improve(
  st: SearchState,
  allowed: number[][],
  random: () => number,
  score: { cost: () => number; rank: () => Rank; breakWeight: number },
  lowerBound: () => number,
  isStopped: () => boolean,
  hooks: {
    onBest: (r: Rank) => void;
    stall: number | undefined;
    stallMs: number | undefined;
    /** Pauses the stalled annealing for up to ms; true when it should stop instead of resuming. */
    rest: ((ms: number) => boolean) | undefined;
  },
): Int32Array {
  const { cost, rank, breakWeight } = score;
  const movable = [...allowed.keys()].filter((m) => allowed[m]!.length > 1);
  const isMovable = new Uint8Array(st.M);
  for (const m of movable) isMovable[m] = 1;
  const allowedMask = new Uint8Array(st.M * st.S);
  allowed.forEach((slots, m) => {
    for (const s of slots) allowedMask[m * st.S + s] = 1;
  });
  const isAllowed = (m: number, s: number) => allowedMask[m * st.S + s] === 1;
  let best = Int32Array.from(st.slot);
  let bestRank = rank();
  /** The current schedule is the best one, not yet copied into `best`. */
  let atBest = false;
  const isOptimal = (r: Rank) => r[0] === 0 && r[1] === 0 && r[2] <= lowerBound();
  hooks.onBest(bestRank);
  if (movable.length === 0) return best;
  // The meetings of each slot, as arrays with positions so that a random one is O(1) to pick.
  const bySlot: number[][] = Array.from({ length: st.S }, () => []);
  const position = new Int32Array(st.M).fill(-1);
  const enter = (m: number, t: number) => {
    position[m] = bySlot[t]!.length;
    bySlot[t]!.push(m);
  };
  const leave = (m: number, s: number) => {
    const list = bySlot[s]!;
    const last = list.pop()!;
    if (last !== m) {
      list[position[m]!] = last;
      position[last] = position[m]!;
    }
    position[m] = -1;
  };
  for (let m = 0; m < st.M; m++) if (st.slot[m]! >= 0) enter(m, st.slot[m]!);
  const relocate = (m: number, t: number) => {
    const s = st.slot[m]!;
    if (s >= 0) leave(m, s);
    st.move(m, t);
    if (t >= 0) enter(m, t);
  };
  let current = cost();
  const swapSlots = (group: number[], a: number, b: number) => {
    for (const x of group) relocate(x, st.slot[x] === a ? b : a);
  };
  const slotSwapRate = SLOT_SWAP_RATE * Math.min(1, (SLOT_SWAP_SIZE * st.S) / Math.max(1, st.M));
  let sinceBest = 0;
  let stalled = 0;
  let bestAt = performance.now();
  /** How long without a better schedule counts as a stall: hooks.stallMs at first, SLICE_MS after a rest. */
  let stallLimitMs = hooks.stallMs ?? 0;
  // Warm on small problems; colder with size (a sweep over 50,000 meetings takes a third of a second, and
  // at 2 breaks the search spent its minute undoing the construction's schedule: SCHEDULER.md).
  const t0 = Math.min(T0, Math.max(T0_LARGE, T0 * Math.sqrt(1000 / st.M)));
  let temperature = t0;
  /** Swaps the group between slots a and b, then keeps the change or undoes it (annealing rule). */
  const attempt = (group: number[], a: number, b: number) => {
    swapSlots(group, a, b);
    const next = cost();
    const delta = next - current;
    if (delta <= 0 || random() < Math.exp(-delta / (temperature * breakWeight))) {
      current = next;
      const r = rank();
      if (lexLess(r, bestRank)) {
        bestRank = r;
        atBest = true;
        hooks.onBest(bestRank);
        sinceBest = 0;
        stalled = 0;
        bestAt = performance.now();
        return;
      }
      if (atBest) {
        // Leaving the best schedule: copy it now (a swap undone and redone), not at every new best.
        swapSlots(group, a, b);
        best = Int32Array.from(st.slot);
        swapSlots(group, a, b);
        atBest = false;
      }
    } else swapSlots(group, a, b);
    sinceBest++;
    stalled++;
  };
  for (let iter = 0; ; iter++) {
    if ((iter & 1023) === 0) {
      if (isStopped() || isOptimal(bestRank)) break;
      if (hooks.stall !== undefined && stalled > hooks.stall) break;
      if (hooks.stallMs !== undefined && performance.now() - bestAt > stallLimitMs) {
        if (!hooks.rest || hooks.rest(REST_MS)) break;
        bestAt = performance.now();
        stallLimitMs = SLICE_MS;
      }
      temperature = Math.max(TMIN, temperature * DECAY);
      if (sinceBest > STUCK) {
        // Stuck: go back to the best schedule and shake it a little.
        if (!atBest) for (let m = 0; m < st.M; m++) relocate(m, best[m]!);
        current = cost();
        temperature = t0;
        sinceBest = 0;
      }
    }
    if (random() < slotSwapRate && st.conflicts === 0) {
      // Swap two whole slots: nobody is double-booked and tables suffice; only breaks change.
      const a = Math.floor(random() * st.S);
      const b = Math.floor(random() * st.S);
      const group = [...bySlot[a]!, ...bySlot[b]!];
      if (a !== b && group.every((x) => isAllowed(x, st.slot[x] === a ? b : a))) attempt(group, a, b);
      continue;
    }
    const [m, p] = pickMeeting(st, movable, isMovable, random);
    const s = st.slot[m]!;
    const t = pickSlot(st, p, allowed[m]!, random);
    if (t === s) continue;
    if (s >= 0 && st.conflicts === 0 && random() < 0.85) {
      // A Kempe chain: swap slots s and t for every meeting linked to m through shared participants;
      // nobody is double-booked afterwards, so the search moves between valid schedules only.
      const chain = kempeChain(st, m, s, t, isAllowed);
      if (chain) attempt(chain, s, t);
      continue;
    }
    // Otherwise move m to t, sometimes trading places with a meeting there.
    const others = bySlot[t]!;
    const partner =
      s >= 0 && others.length > 0 && random() < 0.3 ? others[Math.floor(random() * others.length)]! : -1;
    attempt(partner >= 0 && isAllowed(partner, s) ? [m, partner] : [m], s, t);
  }
  return atBest ? Int32Array.from(st.slot) : best;
}

const MAX_CHAIN = 64;

/** The meetings in slots s and t linked to m by shared participants, if all of them may swap and tables suffice. */
function kempeChain(
  st: SearchState,
  m: number,
  s: number,
  t: number,
  isAllowed: (m: number, s: number) => boolean,
): number[] | undefined {
  const chain = [m];
  const inChain = new Set(chain);
  let netToT = 0;
  for (let k = 0; k < chain.length; k++) {
    const x = chain[k]!;
    const from = st.slot[x]!;
    const to = from === s ? t : s;
    if (!isAllowed(x, to)) return undefined;
    if (st.hosted[x] === 0) netToT += to === t ? 1 : -1;
    for (const p of st.members[x]!) {
      const y = st.at[p * st.S + to]!;
      if (y >= 0 && !inChain.has(y)) {
        if (chain.length >= MAX_CHAIN) return undefined;
        inChain.add(y);
        chain.push(y);
      }
    }
  }
  if (st.load[t]! + netToT > st.capacity || st.load[s]! - netToT > st.capacity) return undefined;
  return chain;
}

/** A meeting to move and the participant it is moved for: half the time one with a break. */
function pickMeeting(
  st: SearchState,
  movable: number[],
  isMovable: Uint8Array,
  random: () => number,
): [number, number] {
  if (st.broken.length > 0 && random() < 0.5) {
    const p = st.broken[Math.floor(random() * st.broken.length)]!;
    const own = st.meetingsOf[p]!;
    const m = own[Math.floor(random() * own.length)]!;
    if (isMovable[m] === 1) return [m, p];
  }
  const m = movable[Math.floor(random() * movable.length)]!;
  const members = st.members[m]!;
  return [m, members[Math.floor(random() * members.length)]!];
}

/** Most of the time a slot next to another meeting of p, where a gap may close; otherwise any. */
function pickSlot(st: SearchState, p: number, options: number[], random: () => number): number {
  if (random() < 0.6) {
    const row = p * st.S;
    const near: number[] = [];
    for (const s of options) {
      const left = s > 0 && st.day[s - 1] === st.day[s] && st.busy[row + s - 1]! > 0;
      const right = s + 1 < st.S && st.day[s + 1] === st.day[s] && st.busy[row + s + 1]! > 0;
      if (left || right) near.push(s);
    }
    if (near.length > 0) return near[Math.floor(random() * near.length)]!;
  }
  return options[Math.floor(random() * options.length)]!;
}
