import type { Unscheduled } from './problem.ts';
import { lexLess, type SearchState } from './search-state.ts';

/**
 * Makes the schedule valid by taking meetings out, the most helpful per unit of weight first, then
 * puts back every meeting that fits again without breaking anything. A removal may help only later
 * (a precedence chain, a fairness excess), so the best one is taken even when it gains nothing now;
 * every round removes at least one meeting, so this ends.
 *
 * Fairness counts here as the sum of every participant's breaks above the fewest anyone has plus d
 * (0 exactly when the bound holds), not only as max − min − d: several participants above the bound
 * then each count, and taking one of them down is progress. A participant's break goes away only with
 * a whole run of meetings before or after it, so the runs of the participants above the bound are
 * candidates too, beside single meetings. (With max − min − d alone, and single meetings only, the
 * greedy took 216 of forumt-14's 237 meetings out at d = 0: SCHEDULER.md.)
 */
export function repairByRemoval(
  st: SearchState,
  allowed: number[][],
  weightOf: (m: number) => number,
  unscheduled: Unscheduled[],
) {
  const removed: Unscheduled[] = [];
  while (st.violations() > 0) {
    let worst: number[] = [];
    let worstGain = Number.NEGATIVE_INFINITY;
    const before = invalidity(st);
    for (const group of candidates(st)) {
      const slots = group.map((m) => st.slot[m]!);
      for (const m of group) st.move(m, -1);
      const after = invalidity(st);
      for (let i = 0; i < group.length; i++) st.move(group[i]!, slots[i]!);
      let weight = 0;
      let breaks = 0;
      for (const m of group) {
        weight += weightOf(m);
        for (const p of st.members[m]!) breaks = Math.max(breaks, st.H[p]!);
      }
      // Ties go to meetings of participants with many breaks, where a fairness excess comes from.
      const gain = (before - after) / weight + breaks * 1e-6;
      if (gain > worstGain) {
        worstGain = gain;
        worst = group;
      }
    }
    if (worst.length === 0) break;
    const reason =
      st.conflicts > 0 || st.overflow > 0
        ? `no free slot: its participants or the ${st.problem.tables} tables are taken in every slot it may use (last tried slot ${st.slot[worst[0]!]})`
        : st.precedence > 0
          ? 'its precedences cannot all be met'
          : 'placing it breaks the fairness bound';
    for (const m of worst) {
      st.move(m, -1);
      removed.push({ meeting: m, reason });
    }
  }
  putBack(st, allowed, weightOf, removed);
  unscheduled.push(...removed);
}

/** Hard violations, with fairness as the sum of the participants' excess breaks (see repairByRemoval). */
function invalidity(st: SearchState): number {
  const most = st.fewestBreaks() + st.problem.fairness;
  let excess = 0;
  for (let h = most + 1; h <= st.S; h++) excess += st.hHist[h]! * (h - most);
  return st.conflicts + st.overflow + st.precedence + excess;
}

/**
 * What may be taken out: each scheduled meeting in a clash, an overfull slot, a broken precedence or
 * with a participant above the fairness bound; and each run of two or more meetings of a participant
 * above it.
 */
function candidates(st: SearchState): number[][] {
  const most = st.fewestBreaks() + st.problem.fairness;
  const out: number[][] = [];
  for (let m = 0; m < st.M; m++) {
    const s = st.slot[m]!;
    if (s < 0) continue;
    const members = st.members[m]!;
    const clash = Array.from(members).some((p) => st.busy[p * st.S + s]! > 1);
    const crowded = st.hosted[m] === 0 && st.load[s]! > st.capacity;
    const order =
      Array.from(st.predecessors[m]!).some((b) => st.slot[b]! < 0 || st.slot[b]! >= s) ||
      Array.from(st.successors[m]!).some((c) => st.slot[c]! >= 0 && st.slot[c]! <= s);
    const unfair = Array.from(members).some((p) => st.H[p]! > most);
    if (clash || crowded || order || unfair) out.push([m]);
  }
  for (let p = 0; p < st.P; p++) {
    if (st.H[p]! <= most) continue;
    let run: number[] = [];
    for (let s = 0; s <= st.S; s++) {
      const m = s < st.S ? st.at[p * st.S + s]! : -1;
      if (m >= 0 && (run.length === 0 || st.day[s] === st.day[s - 1])) {
        run.push(m);
        continue;
      }
      if (run.length > 1) out.push(run);
      run = m >= 0 ? [m] : [];
    }
  }
  return out;
}

/**
 * Puts back, heaviest first, every removed meeting that has a slot where the schedule stays valid:
 * the slot an earlier schedule gave it if that one fits, else the one adding the fewest breaks.
 */
function putBack(
  st: SearchState,
  allowed: number[][],
  weightOf: (m: number) => number,
  removed: Unscheduled[],
) {
  const order = removed.map((u, i) => ({ m: u.meeting, i })).sort((a, b) => weightOf(b.m) - weightOf(a.m));
  const back = new Set<number>();
  for (const { m, i } of order) {
    let bestSlot = -1;
    let bestRank = [0, 0, 0];
    for (const t of allowed[m]!) {
      st.move(m, t);
      const rank = [st.moved, st.breaks, st.idle];
      if (st.violations() === 0 && (bestSlot < 0 || lexLess(rank, bestRank))) {
        bestSlot = t;
        bestRank = rank;
      }
      st.move(m, -1);
    }
    if (bestSlot >= 0) {
      st.move(m, bestSlot);
      back.add(i);
    }
  }
  const left = removed.filter((_, i) => !back.has(i));
  removed.length = 0;
  removed.push(...left);
}
