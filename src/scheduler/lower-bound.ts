import { pushTo } from '../domain/collections.ts';
import { allowedSlots, dayOfSlots, type SchedulingProblem } from './problem.ts';

/**
 * A lower bound on the total breaks of any schedule that places every meeting: each participant needs
 * at least as many gaps as it takes to fit its meetings into the runs of slots its meetings allow
 * (the first run of each day is free, every further run in a day costs one break).
 */
export function breaksLowerBound(
  problem: SchedulingProblem,
  allowed: number[][] = problem.meetings.map((m) => allowedSlots(problem, m)),
): number {
  return participantBreakBounds(problem, allowed).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}

/**
 * Per participant, the fewest breaks any complete schedule gives them (Infinity when their meetings
 * cannot all fit in the slots they allow).
 */
export function participantBreakBounds(problem: SchedulingProblem, allowed: number[][]): number[] {
  const day = dayOfSlots(problem);
  const meetingsOf: number[][] = Array.from({ length: problem.participants }, () => []);
  problem.meetings.forEach((m, i) => {
    for (const p of m.participants) meetingsOf[p]!.push(i);
  });
  return meetingsOf.map((list) => {
    if (list.length < 2) return 0;
    const usable = new Uint8Array(problem.slots);
    for (const m of list) for (const s of allowed[m]!) usable[s] = 1;
    const runsByDay = new Map<number, number[]>();
    let run = 0;
    for (let s = 0; s <= problem.slots; s++) {
      const continues = s < problem.slots && usable[s] === 1 && (run === 0 || day[s] === day[s - 1]);
      if (continues) run++;
      else {
        if (run > 0) {
          const d = day[s - 1]!;
          pushTo(runsByDay, d, run);
        }
        run = s < problem.slots && usable[s] === 1 ? 1 : 0;
      }
    }
    let covered = 0;
    const extra: number[] = [];
    for (const runs of runsByDay.values()) {
      runs.sort((a, b) => b - a);
      covered += runs[0]!;
      extra.push(...runs.slice(1));
    }
    extra.sort((a, b) => b - a);
    let bound = 0;
    for (const r of extra) {
      if (covered >= list.length) break;
      covered += r;
      bound++;
    }
    return covered >= list.length ? bound : Number.POSITIVE_INFINITY;
  });
}

/**
 * A reason why no schedule can place every meeting, found without search, or undefined.
 * Participants with at most one meeting never have a break, so with any of them present every other
 * participant may have at most `fairness` breaks.
 */
export function provenInfeasibility(problem: SchedulingProblem, allowed: number[][]): string | undefined {
  const bounds = participantBreakBounds(problem, allowed);
  const counts = new Int32Array(problem.participants);
  for (const m of problem.meetings) for (const p of m.participants) counts[p]!++;
  const impossible = bounds.indexOf(Number.POSITIVE_INFINITY);
  if (impossible >= 0) return `participant ${impossible + 1} has more meetings than slots they can attend`;
  const hasBreakless = counts.some((c) => c <= 1);
  const worst = bounds.reduce((w, b, p) => (b > (bounds[w] ?? -1) ? p : w), 0);
  if (hasBreakless && bounds[worst]! > problem.fairness) {
    return `participant ${worst + 1} needs at least ${bounds[worst]} breaks, more than the fairness bound ${problem.fairness} allows`;
  }
  return undefined;
}
