import type { SchedulingProblem } from './problem.ts';

/** Every meeting reachable from `start` (excluded) through `edges`. */
function reachable(edges: number[][], start: number): number[] {
  const seen = new Set<number>();
  const stack = [...edges[start]!];
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (seen.has(b) || b === start) continue;
    seen.add(b);
    stack.push(...edges[b]!);
  }
  return [...seen];
}

/**
 * The slots each meeting can take in a schedule that places every meeting, once precedences are
 * followed through: a meeting comes after the earliest slot of each of its (transitive) predecessors
 * and before the latest slot of each successor, and the k predecessors it shares a participant with
 * need k distinct slots of that participant before it (likewise for successors). Repeated until
 * nothing changes. Sound only for complete schedules: the exact search's domains, not the annealing's.
 */
export function tightenByPrecedence(problem: SchedulingProblem, allowed: number[][]): number[][] {
  const domains = allowed.map((slots) => [...slots]);
  const before = problem.meetings.map((m) => [...(m.after ?? [])]);
  if (before.every((list) => list.length === 0)) return domains;
  const after: number[][] = domains.map(() => []);
  before.forEach((list, m) => {
    for (const b of list) after[b]!.push(m);
  });
  const preds = domains.map((_, m) => reachable(before, m));
  const succs = domains.map((_, m) => reachable(after, m));
  const parts = problem.meetings.map((m) => m.participants);
  const first = (m: number) => domains[m]![0]!;
  const last = (m: number) => domains[m]![domains[m]!.length - 1]!;
  // Of k meetings in distinct slots, the last is at least v_i + (number of them with start ≥ v_i) − 1.
  const lastOfDistinct = (starts: number[]) =>
    starts
      .sort((a, b) => a - b)
      .reduce((best, v, i) => Math.max(best, v + starts.length - 1 - i), Number.NEGATIVE_INFINITY);
  let changed = true;
  while (changed) {
    changed = false;
    for (let m = 0; m < domains.length; m++) {
      if (domains[m]!.length === 0) continue;
      const p = preds[m]!.filter((b) => domains[b]!.length > 0);
      const s = succs[m]!.filter((b) => domains[b]!.length > 0);
      let lo = Math.max(-1, ...p.map(first));
      let hi = Math.min(problem.slots, ...s.map(last));
      for (const who of parts[m]!) {
        lo = Math.max(lo, lastOfDistinct(p.filter((b) => parts[b]!.includes(who)).map(first)));
        const mirrored = s.filter((b) => parts[b]!.includes(who)).map((b) => -last(b));
        hi = Math.min(hi, -lastOfDistinct(mirrored));
      }
      const kept = domains[m]!.filter((t) => t > lo && t < hi);
      if (kept.length !== domains[m]!.length) {
        domains[m] = kept;
        changed = true;
      }
    }
  }
  return domains;
}
