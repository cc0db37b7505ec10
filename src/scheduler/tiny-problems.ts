import { checkSchedule } from './checker.ts';
import type { Meeting, SchedulingProblem } from './problem.ts';

// Tiny problems and their exhaustive optimum, and triangles whose optimum is known, for the tests of the exact searches.

/** A tiny random problem: few enough meetings and slots to enumerate every schedule. */
export function tinyProblem(random: () => number): SchedulingProblem {
  const participants = 4 + Math.floor(random() * 3);
  const twoDays = random() < 0.3;
  const slots = twoDays ? 6 : 4 + Math.floor(random() * 2);
  const meetings: Meeting[] = [];
  const seen = new Set<string>();
  const count = twoDays ? 5 : 4 + Math.floor(random() * 3);
  while (meetings.length < count) {
    const a = Math.floor(random() * participants);
    const b = Math.floor(random() * participants);
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const m: Meeting = { participants: [a, b] };
    const r = random();
    if (r < 0.15) m.session = 'morning';
    else if (r < 0.25) m.session = 'afternoon';
    if (meetings.length > 0 && random() < 0.1) m.after = [Math.floor(random() * meetings.length)];
    meetings.push(m);
  }
  const problem: SchedulingProblem = {
    participants,
    slots,
    ...(twoDays && { dayLengths: [3, 3] }),
    morningSlots: twoDays ? 2 : Math.ceil(slots / 2),
    tables: 1 + Math.floor(random() * 2),
    meetings,
    unavailable: Array.from({ length: participants }, () =>
      random() < 0.3 ? [Math.floor(random() * slots)] : [],
    ),
    fairness: Math.floor(random() * 3),
  };
  // Sometimes a host who receives visitors at a table of their own, beside the shared ones.
  if (random() < 0.3) {
    const host = meetings[0]!.participants[0]!;
    problem.tableOwners = [host, ...new Array<null>(problem.tables).fill(null)];
    problem.tables++;
  }
  return problem;
}

/** Tables as the checker expects them: a host's meetings at the host's table, the others in turn. */
export function bruteForceTables(problem: SchedulingProblem, slots: number[]): number[] {
  const owners = problem.tableOwners ?? [];
  const shared = owners.length === 0 ? [...Array(problem.tables).keys()] : [];
  owners.forEach((o, t) => {
    if (o === null) shared.push(t);
  });
  const used = new Map<number, number>();
  return slots.map((s, m) => {
    const own = owners.findIndex((o) => o !== null && problem.meetings[m]!.participants.includes(o));
    if (own >= 0) return own;
    const k = used.get(s) ?? 0;
    used.set(s, k + 1);
    return shared[k] ?? problem.tables; // past the last table: the checker reports it
  });
}

/** Calls `visit` with every schedule that places all meetings and passes the checker, with its breaks. */
export function forEachValidSchedule(
  problem: SchedulingProblem,
  visit: (slots: readonly number[], breaks: number) => void,
): void {
  const M = problem.meetings.length;
  const slots = new Array<number>(M).fill(0);
  const clash = () => {
    const busy = new Set<string>();
    for (let m = 0; m < M; m++)
      for (const p of problem.meetings[m]!.participants) {
        const key = `${p}:${slots[m]}`;
        if (busy.has(key)) return true;
        busy.add(key);
      }
    return false;
  };
  for (;;) {
    if (!clash()) {
      const report = checkSchedule(problem, slots, bruteForceTables(problem, slots));
      if (report.violations.length === 0) visit(slots, report.breaks);
    }
    let i = 0;
    while (i < M && slots[i] === problem.slots - 1) slots[i++] = 0;
    if (i === M) return;
    slots[i]!++;
  }
}

/** The fewest breaks over every schedule that places all meetings, judged by the checker alone. */
export function bruteForceOptimum(problem: SchedulingProblem): number | null {
  let best: number | null = null;
  forEachValidSchedule(problem, (_, breaks) => {
    if (best === null || breaks < best) best = breaks;
  });
  return best;
}

/** Disjoint triangles of meetings (three people, each pair meeting once): one break each, at best. */
export function trianglesProblem(triangles: number, slots: number): SchedulingProblem {
  const meetings: Meeting[] = [];
  for (let i = 0; i < triangles; i++) {
    const [a, b, c] = [3 * i, 3 * i + 1, 3 * i + 2];
    meetings.push({ participants: [a, b] }, { participants: [a, c] }, { participants: [b, c] });
  }
  return {
    participants: 3 * triangles,
    slots,
    morningSlots: slots / 2,
    tables: triangles,
    meetings,
    unavailable: Array.from({ length: 3 * triangles }, () => []),
    fairness: 2,
  };
}
