import { participantHallPropagator } from './participant-hall.ts';
import { dayOfSlots, modelSize, type SchedulingProblem } from './problem.ts';
import { runBounds } from './runs.ts';
import { inTurn, lit, neg, type Propagator, SatSolver } from './sat.ts';
import { type SlotPair, slotMatchingPropagator } from './slot-matching.ts';

/** Pairwise "at most one" up to this many literals, a native cardinality constraint above. */
const PAIRWISE_MAX = 8;
/** Above this many cells (per slot, its meetings × (tables + 1)), tables stay a plain cardinality constraint. */
const TABLE_COUNTER_MAX = 1_500_000;
/** How many breaks above the lower bound the objective's counter reaches. */
const OBJECTIVE_WINDOW = 64;

/**
 * The channel between the annealing and the exact search, an Int32Array (shared between threads when
 * they run side by side): the annealing posts the breaks of its best complete schedule, the exact
 * search its proven bound, its own schedules and its verdict.
 */
export const Channel = {
  STOP: 0,
  /** Breaks of the annealing's best complete schedule (-1: none yet). */
  HINT_BREAKS: 1,
  /** Proven: no complete schedule has fewer breaks. */
  BOUND: 2,
  /** 0 searching, 1 optimal (its own schedule below, or the hint's breaks), 2 infeasible, 3 gave up. */
  VERDICT: 3,
  /** Breaks of the exact search's own schedule (-1: none), whose slots follow the header. */
  FOUND_BREAKS: 4,
  /** 1 once the search has built its model and answered its first question (see `prove`). */
  READY: 5,
  /** The exact search's schedule follows the header, then the annealing's (HEADER + M … HEADER + 2M). */
  HEADER: 6,
} as const;

export function newChannel(meetings: number, shared: boolean): Int32Array {
  const bytes = 4 * (Channel.HEADER + 2 * meetings);
  const channel = new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  channel[Channel.HINT_BREAKS] = -1;
  channel[Channel.FOUND_BREAKS] = -1;
  return channel;
}

/** The exact search's own schedule (slots at HEADER … HEADER + M). */
export function foundSlots(channel: Int32Array, meetings: number): Int32Array {
  return channel.slice(Channel.HEADER, Channel.HEADER + meetings);
}

/** The annealing's best complete schedule, as last posted (slots at HEADER + M … HEADER + 2M). */
export function hintSlots(channel: Int32Array, meetings: number): Int32Array {
  return channel.slice(Channel.HEADER + meetings, Channel.HEADER + 2 * meetings);
}

/**
 * Posts the annealing's best complete schedule: its slots, then its breaks. A reader may see the slots
 * of the next one half written; the exact search only uses them as a guide (anchors it may refute).
 */
export function postHint(channel: Int32Array, breaks: number, slots: Int32Array) {
  channel.set(slots, Channel.HEADER + slots.length);
  Atomics.store(channel, Channel.HINT_BREAKS, breaks);
}

/**
 * Exact search on a boolean model of the whole problem (see SCHEDULER.md): meeting-in-slot
 * variables, busy and "meets later today" indicators per participant and slot, one break variable
 * per place where a gap may open, fairness as cardinality constraints, each slot's tables and the
 * total breaks as unary counters. It raises the bound one break at a time (each unsatisfiable call
 * is a proof), until a call finds a schedule (then optimal) or the bound meets the annealing's best (then the
 * annealing's schedule is optimal). With no complete schedule known, it first asks whether one
 * exists at all (an unsatisfiable answer proves the problem infeasible). A bound and a schedule
 * already on the channel (clasp's, when this search follows it in its thread) are its own.
 * `search` says which calls it makes: `both`, the bound and one break below the best known, in turn;
 * `climb`, only the bound (its calls then depend on nothing but the bound, never on when the
 * annealing's schedules arrive, and a schedule at the bound gets all the time); `improve`, beside a
 * thread that climbs, only better schedules: while the best known is well above the bound, anchored
 * calls that keep one full slot of it (`anchoredDescent`), then one break below it at a time.
 */
export function prove(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  channel: Int32Array,
  deadline: number,
  {
    busyBound = 'counter',
    search = 'both',
    peers = [],
    tick,
    order,
    improveAfter = Number.POSITIVE_INFINITY,
  }: {
    busyBound?: BusyBound;
    search?: 'both' | 'climb' | 'improve';
    peers?: Int32Array[];
    /** Called at each of the solver's stop checks (every hundred conflicts or so). */
    tick?: () => void;
    /** A seed for a different first branching order than the other threads' (SatSolver.shuffleOrder). */
    order?: number | undefined;
    /** With `climb`: from this time on, `improve` instead. */
    improveAfter?: number;
  } = {},
) {
  const M = problem.meetings.length;
  const model = buildModel(problem, allowed, lowerBound, busyBound);
  const { solver } = model;
  if (order !== undefined) solver.shuffleOrder(order);
  const hintBreaks = () => {
    const h = Atomics.load(channel, Channel.HINT_BREAKS);
    return h < 0 ? Number.POSITIVE_INFINITY : h;
  };
  const posted = Atomics.load(channel, Channel.FOUND_BREAKS);
  let ownBreaks = posted < 0 ? Number.POSITIVE_INFINITY : posted;
  /** The best bound the searches in other threads have proven (each on its own model of the same problem). */
  const peerBound = () => peers.reduce((b, c) => Math.max(b, Atomics.load(c, Channel.BOUND)), 0);
  /** The other threads' best own schedule: its breaks and the channel that holds it. */
  const peerFound = () => {
    let found = { breaks: Number.POSITIVE_INFINITY, channel };
    for (const c of peers) {
      const b = Atomics.load(c, Channel.FOUND_BREAKS);
      if (b >= 0 && b < found.breaks) found = { breaks: b, channel: c };
    }
    return found;
  };
  let bound = Math.max(lowerBound, Atomics.load(channel, Channel.BOUND));
  const best = () => Math.min(hintBreaks(), ownBreaks, peerFound().breaks);
  const stopped = () => {
    tick?.();
    return Atomics.load(channel, Channel.STOP) === 1 || performance.now() > deadline;
  };
  const finish = (verdict: number) => {
    Atomics.store(channel, Channel.BOUND, bound);
    Atomics.store(channel, Channel.VERDICT, verdict);
    Atomics.notify(channel, Channel.VERDICT);
  };
  const keep = () => {
    const slots = model.readSlots();
    for (let m = 0; m < M; m++) channel[Channel.HEADER + m] = slots[m]!;
    ownBreaks = model.countBreaks();
    Atomics.store(channel, Channel.FOUND_BREAKS, ownBreaks);
  };
  // Is there any complete schedule? Climbing, the question is always asked, and to its end whatever
  // the annealing finds meanwhile: the search's path then depends on the problem alone, not on when
  // the annealing's first schedule arrives (SCHEDULER.md). Otherwise only until a schedule is known.
  const climbing = search === 'climb';
  if (climbing || best() === Number.POSITIVE_INFINITY) {
    const answer = solver.solve([], () => stopped() || (!climbing && best() < Number.POSITIVE_INFINITY));
    if (answer === 'unsat') return finish(2);
    if (answer === 'sat') keep();
    else if (stopped()) return finish(3);
  }
  Atomics.store(channel, Channel.READY, 1);
  Atomics.notify(channel, Channel.READY);
  /** The best complete schedule known, the annealing's or this search's, as a guide for anchored calls. */
  const reference = () => {
    const peer = peerFound();
    if (peer.breaks < Math.min(hintBreaks(), ownBreaks)) return foundSlots(peer.channel, M);
    return hintBreaks() < ownBreaks ? hintSlots(channel, M) : foundSlots(channel, M);
  };
  const anchoring = { turn: 0, fails: 0, budget: ANCHOR_CONFLICTS };
  // Turns with a doubling budget: raise the bound (each unsatisfiable call a proof), then look for a
  // schedule below the best known one (the solver keeps the values of its own last schedule; the
  // annealing's would lead it back to the annealing's local optimum: SCHEDULER.md).
  for (let turn = 0; ; turn++) {
    const mode = search === 'climb' && performance.now() > improveAfter ? 'improve' : search;
    const budget = turnBudget(turn);
    // A bound another thread proved is ours too: no need to prove it again.
    bound = Math.max(bound, peerBound());
    Atomics.store(channel, Channel.BOUND, bound);
    if (best() <= bound) return finish(1);
    const k = bound;
    if (k >= model.counted && k < model.gaps) return finish(3); // beyond the counter's window
    const limit = solver.conflicts + budget;
    if (stopped()) return finish(3);
    // Beside a thread that climbs, the bound is that thread's, until the best known is one above it
    // (or beyond the counter's window, where no call for fewer breaks can be asked).
    if (mode !== 'improve' || best() - 1 <= k || best() - 1 >= model.counted) {
      const assumption = model.atMost(k);
      const answer = solver.solve(
        assumption === undefined ? [] : [assumption],
        () => stopped() || best() <= k || solver.conflicts > limit || peerBound() > k,
      );
      if (answer === 'unsat') {
        if (!solver.consistent) return finish(2);
        bound = k + 1;
        continue;
      }
      if (answer === 'sat') {
        keep();
        bound = Math.max(bound, Math.min(k, ownBreaks));
        return finish(1);
      }
      if (stopped()) return finish(3);
    }
    const below = best() - 1;
    if (mode === 'climb' || below <= bound || below >= model.counted) continue;
    if (mode === 'improve' && below - bound >= ANCHOR_GAP) {
      const proven = anchoredDescent(model, anchoring, {
        reference,
        below: () => best() - 1,
        bound: () => Math.max(bound, peerBound()),
        keep,
        stop: () => stopped() || solver.conflicts > limit + budget,
        best,
      });
      if (!solver.consistent) return finish(2);
      bound = Math.max(bound, proven);
      if (stopped()) return finish(3);
      if (proven >= 0) continue; // else no anchored call was possible: a plain one
    }
    const improve = model.atMost(below)!;
    const descent = solver.solve(
      [improve],
      () => stopped() || best() <= below || solver.conflicts > limit + budget,
    );
    if (descent === 'sat') keep();
    else if (descent === 'unsat') {
      if (!solver.consistent) return finish(2);
      bound = below + 1;
    } else if (stopped()) return finish(3);
  }
}

/** Anchored calls start with this many conflicts each, twice as many after a round of slots without a gain. */
const ANCHOR_CONFLICTS = 1000;
/** The fullest slots of the reference that anchored calls take in turn. */
const ANCHOR_SLOTS = 8;
/** Anchored calls while one break below the best known is still at least this many above the bound. */
const ANCHOR_GAP = 2;

/**
 * Looks for one break fewer than the best schedule known while keeping one of its full slots as it
 * is (the slots' meetings assumed there), a different slot each call, until `stop`: a large
 * neighbourhood that the solver searches with everything it learnt (EXPERIMENTS.md: on the table-tight
 * files, plain calls for one break fewer make little progress far above the bound). A refutation that
 * used none of the anchors proves the bound; returns the bound so proven, 0 if none, -1 if it made
 * no call at all.
 */
function anchoredDescent(
  model: ReturnType<typeof buildModel>,
  state: { turn: number; fails: number; budget: number },
  hooks: {
    reference: () => Int32Array;
    below: () => number;
    bound: () => number;
    keep: () => void;
    stop: () => boolean;
    /** The breaks of the best schedule known, in any thread. */
    best: () => number;
  },
): number {
  const { solver } = model;
  let calls = 0;
  while (!hooks.stop()) {
    const below = hooks.below();
    if (below - hooks.bound() < ANCHOR_GAP) break;
    const ref = hooks.reference();
    const bySlot = new Map<number, number[]>();
    ref.forEach((t, m) => {
      if (t < 0) return;
      const here = bySlot.get(t);
      if (here) here.push(m);
      else bySlot.set(t, [m]);
    });
    const fullest = [...bySlot].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    if (fullest.length === 0) break;
    calls++;
    const [slot, meetings] = fullest[state.turn++ % Math.min(fullest.length, ANCHOR_SLOTS)]!;
    const anchors = meetings.map((m) => model.xAt(m, slot));
    const cap = solver.conflicts + state.budget;
    const answer = solver.solve(
      [model.atMost(below)!, ...anchors],
      () => hooks.stop() || hooks.best() <= below || solver.conflicts > cap,
    );
    if (answer === 'sat') {
      hooks.keep();
      state.fails = 0;
    } else if (answer === 'unsat' && !solver.failed.some((l) => anchors.includes(l))) return below + 1;
    else if (++state.fails >= ANCHOR_SLOTS) {
      state.fails = 0;
      state.budget *= 2;
    }
  }
  return calls > 0 ? 0 : -1;
}

/** The conflicts of a turn's call: 2,000 at first, twice as many each turn (up to 2^12 times). */
export const turnBudget = (turn: number) => 2000 * 2 ** Math.min(turn, 12);

/**
 * The participants-per-slot bound (a slot holds at most the participants of its `tables` largest
 * meetings): left out, or a counter whose "at least j busy here" variables learnt clauses can
 * reason about. Some files need it, others are proven only without it (SCHEDULER.md).
 */
export type BusyBound = 'none' | 'counter';

/** The model of `prove` (exported for tests). */
export function buildModel(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  busyBound: BusyBound,
) {
  const solver = new SatSolver();
  const S = problem.slots;
  const day = dayOfSlots(problem);
  const FALSE = lit(solver.newVar(), true);
  solver.addClause([neg(FALSE)]);
  const define = (and: boolean, inputs: number[]): number => {
    const v = solver.newVar();
    const out = lit(v);
    // out ↔ AND(inputs) or out ↔ OR(inputs)
    if (and) {
      for (const i of inputs) solver.addClause([neg(out), i]);
      solver.addClause([out, ...inputs.map(neg)]);
    } else {
      for (const i of inputs) solver.addClause([out, neg(i)]);
      solver.addClause([neg(out), ...inputs]);
    }
    return out;
  };
  /** Unary count of lits (a totalizer): out[i] is true when at least i + 1 of them are, up to `limit`. */
  const totalizer = (lits: number[], limit: number): number[] => {
    if (lits.length === 1) return [lits[0]!];
    const half = lits.length >> 1;
    const a = totalizer(lits.slice(0, half), limit);
    const b = totalizer(lits.slice(half), limit);
    const size = Math.min(limit, a.length + b.length);
    const out = Array.from({ length: size }, () => lit(solver.newVar()));
    for (let i = 0; i <= a.length; i++) {
      for (let j = 0; j <= b.length; j++) {
        const sum = i + j;
        // at least i of a and j of b → at least i + j; fewer than i + 1 and j + 1 → fewer than i + j + 1
        if (sum > 0 && sum <= size) {
          const up = [out[sum - 1]!];
          if (i > 0) up.push(neg(a[i - 1]!));
          if (j > 0) up.push(neg(b[j - 1]!));
          solver.addClause(up);
        }
        if (i < a.length || j < b.length) {
          if (sum < size) {
            const down = [neg(out[sum]!)];
            if (i < a.length) down.push(a[i]!);
            if (j < b.length) down.push(b[j]!);
            solver.addClause(down);
          }
        }
      }
    }
    return out;
  };
  const atMostOne = (lits: number[]) => {
    if (lits.length < 2) return;
    if (lits.length <= PAIRWISE_MAX) {
      for (let i = 0; i < lits.length; i++)
        for (let j = i + 1; j < lits.length; j++) solver.addClause([neg(lits[i]!), neg(lits[j]!)]);
    } else solver.addAtMost(lits, 1);
  };

  // x[m][i]: meeting m in slot allowed[m][i].
  const x = allowed.map((slots) => slots.map(() => lit(solver.newVar())));
  const xAt = (m: number, t: number) => {
    const i = allowed[m]!.indexOf(t);
    return i < 0 ? FALSE : x[m]![i]!;
  };
  x.forEach((lits) => {
    solver.addClause(lits);
    atMostOne(lits);
  });

  // Tables: meetings without a host share the tables nobody owns.
  const owners = new Set((problem.tableOwners ?? []).filter((o): o is number => o !== null));
  const capacity = problem.tables - owners.size;
  // Each slot's meetings counted with "at least j here" variables, so that learnt clauses can reason
  // about how full a slot is (the benchmark's table-tight files need it: EXPERIMENTS.md); a plain
  // cardinality constraint where the counters would be too large.
  const counter = modelSize(allowed) * (capacity + 1) <= TABLE_COUNTER_MAX;
  // With the participants-per-slot counter (below) and meetings all of one size, that counter is the
  // table limit itself (busy participants = size × meetings): a second counter only slows propagation
  // (forum-13crafb at its bound: 1.7 times the conflicts a second without it; SCHEDULER.md).
  const busyCounter = busyBound === 'counter' && owners.size === 0;
  const oneSize = new Set(problem.meetings.map((m) => m.participants.length)).size === 1;
  const tablesByBusy = busyCounter && oneSize;
  for (let t = 0; t < S && !tablesByBusy; t++) {
    const here: number[] = [];
    problem.meetings.forEach((m, i) => {
      if (!m.participants.some((p) => owners.has(p)) && allowed[i]!.includes(t)) here.push(xAt(i, t));
    });
    if (here.length <= capacity) continue;
    if (counter) solver.addClause([neg(totalizer(here, capacity + 1)[capacity]!)]);
    else solver.addAtMost(here, capacity);
  }

  // Precedences: m in slot t needs each predecessor in an earlier slot.
  problem.meetings.forEach((m, i) => {
    for (const b of m.after ?? []) {
      allowed[i]!.forEach((t, k) => {
        const earlier = allowed[b]!.flatMap((u, j) => (u < t ? [x[b]![j]!] : []));
        solver.addClause([neg(x[i]![k]!), ...earlier]);
      });
    }
  });

  // Participants: one meeting per slot; busy, later-today and break indicators.
  const meetingsOf: number[][] = Array.from({ length: problem.participants }, () => []);
  problem.meetings.forEach((m, i) => {
    for (const p of m.participants) meetingsOf[p]!.push(i);
  });
  const breaksOf: number[][] = [];
  const busyOf: number[][] = [];
  for (let p = 0; p < problem.participants; p++) {
    const own = meetingsOf[p]!;
    const busy: number[] = [];
    for (let t = 0; t < S; t++) {
      const here = own.map((m) => xAt(m, t)).filter((l) => l !== FALSE);
      atMostOne(here);
      busy.push(here.length === 0 ? FALSE : here.length === 1 ? here[0]! : define(false, here));
    }
    busyOf.push(busy);
    const gaps: number[] = [];
    if (own.length >= 2) {
      // Implied: p is busy in exactly as many slots as p has meetings.
      const usable = busy.filter((l) => l !== FALSE);
      solver.addAtMost(usable, own.length);
      solver.addAtMost(usable.map(neg), usable.length - own.length);
      // later[t]: p meets in slot t or after it, the same day.
      const later = new Array<number>(S).fill(FALSE);
      for (let t = S - 1; t >= 0; t--) {
        const next = t + 1 < S && day[t + 1] === day[t] ? later[t + 1]! : FALSE;
        later[t] = busy[t] === FALSE ? next : next === FALSE ? busy[t]! : define(false, [busy[t]!, next]);
      }
      const gapAt = new Array<number>(S).fill(FALSE);
      for (let t = 0; t + 2 < S; t++) {
        if (day[t + 2] !== day[t] || busy[t] === FALSE || later[t + 2] === FALSE) continue;
        const inputs = [busy[t]!, later[t + 2]!];
        if (busy[t + 1] !== FALSE) inputs.push(neg(busy[t + 1]!));
        const g = define(true, inputs);
        gaps.push(g);
        gapAt[t] = g;
      }
      // Implied: meetings further apart than p has meetings leave an idle slot, so a gap, between them.
      for (let t = 0; t < S; t++) {
        if (busy[t] === FALSE) continue;
        for (let u = t + own.length; u < S && day[u] === day[t]; u++) {
          if (busy[u] === FALSE) continue;
          const between: number[] = [];
          for (let v = t; v <= u - 2; v++) if (gapAt[v] !== FALSE) between.push(gapAt[v]!);
          solver.addClause([neg(busy[t]!), neg(busy[u]!), ...between]);
        }
      }
    }
    // Implied: without a break, p is busy (or idle) where every run that can hold p's meetings is (or none is).
    const bounds = runBounds(day, allowed, own);
    for (const t of bounds?.busy ?? []) solver.addClause([busy[t]!, ...gaps]);
    for (const t of bounds?.idle ?? []) solver.addClause([neg(busy[t]!), ...gaps]);
    breaksOf.push(gaps);
  }

  // Implied: with no hosts, a slot holds at most the participants of its `tables` largest meetings.
  if (busyCounter) {
    const sizes = problem.meetings.map((m) => m.participants.length).sort((a, b) => b - a);
    const most = sizes.slice(0, problem.tables).reduce((a, b) => a + b, 0);
    for (let t = 0; t < S; t++) {
      const here = busyOf.map((b) => b[t]!).filter((l) => l !== FALSE);
      if (here.length > most) solver.addClause([neg(totalizer(here, most + 1)[most]!)]);
    }
  }

  // Fairness: max H − min H ≤ d. Levels G_1 … G_D stand for "min H ≥ j".
  const d = problem.fairness;
  const levels = Math.min(...breaksOf.map((g) => g.length));
  const G = Array.from({ length: levels }, () => lit(solver.newVar()));
  for (let j = 1; j < levels; j++) solver.addClause([neg(G[j]!), G[j - 1]!]);
  for (const gaps of breaksOf) {
    if (gaps.length > d) solver.addAtMost([...gaps, ...G.map(neg)], d + levels);
    if (levels > 0) solver.addAtMost([...gaps.map(neg), ...G], gaps.length);
  }

  // The total breaks as a unary counter, up to a window above the lower bound (the bounds the
  // ascending search asks about); "at most k" is then one assumption.
  const allGaps = breaksOf.flat();
  const counted = Math.min(allGaps.length, lowerBound + OBJECTIVE_WINDOW + 1);
  const total = allGaps.length > 0 ? totalizer(allGaps, counted) : [];
  const atMost = (k: number) => (k < total.length ? neg(total[k]!) : undefined);

  // The seats a slot's busy participants need at the shared tables, by a matching among them
  // (slot-matching.ts); hosts sit at their own tables, and so do those who meet them.
  const propagators: Propagator[] = [];
  const pairsOnly = problem.meetings.every((m) => m.participants.length === 2);
  if (pairsOnly && capacity > 0) {
    const pairsAt: SlotPair[][] = Array.from({ length: S }, () => []);
    const atHosts: number[][][] = Array.from({ length: problem.participants }, () =>
      Array.from({ length: S }, () => []),
    );
    problem.meetings.forEach((m, i) => {
      const [a, b] = m.participants as [number, number];
      const host = owners.has(a) || owners.has(b);
      allowed[i]!.forEach((t, k) => {
        if (!host) pairsAt[t]!.push({ a, b, x: x[i]![k]! });
        else for (const p of [a, b]) atHosts[p]![t]!.push(x[i]![k]!);
      });
    });
    const guests = busyOf.map((row, p) => (owners.has(p) ? row.map(() => FALSE) : row));
    propagators.push(slotMatchingPropagator(solver, guests, pairsAt, 2 * capacity, FALSE, atHosts));
  }
  // Each participant's meetings in distinct slots, as Hall's condition (participant-hall.ts).
  propagators.push(participantHallPropagator(solver, meetingsOf, allowed, x, S));
  solver.setPropagator(inTurn(solver, propagators));

  const readSlots = () =>
    Int32Array.from(allowed, (slots, m) => {
      const i = x[m]!.findIndex((l) => solver.value(l >> 1));
      return i < 0 ? -1 : slots[i]!;
    });
  const countBreaks = () => allGaps.filter((l) => solver.value(l >> 1)).length;
  return { solver, atMost, counted, gaps: allGaps.length, readSlots, countBreaks, xAt };
}
