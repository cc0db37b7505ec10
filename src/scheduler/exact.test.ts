import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { checkSchedule } from './checker.ts';
import type { Meeting, SchedulingProblem } from './problem.ts';
import { solve } from './solve.ts';

/** A tiny random problem: few enough meetings and slots to enumerate every schedule. */
function tinyProblem(random: () => number): SchedulingProblem {
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
  return {
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
}

/** The fewest breaks over every schedule that places all meetings, judged by the checker alone. */
function bruteForceOptimum(problem: SchedulingProblem): number | null {
  const M = problem.meetings.length;
  const slots = new Array<number>(M).fill(0);
  let best: number | null = null;
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
    const tables = slots.map((s, m) => slots.slice(0, m).filter((t) => t === s).length);
    if (!clash()) {
      const report = checkSchedule(problem, slots, tables);
      if (report.violations.length === 0 && (best === null || report.breaks < best)) best = report.breaks;
    }
    let i = 0;
    while (i < M && slots[i] === problem.slots - 1) slots[i++] = 0;
    if (i === M) return best;
    slots[i]!++;
  }
}

test('proves the true optimum or infeasibility on 120 tiny problems, as exhaustive enumeration finds', () => {
  const random = seededRandom(3);
  const tally = { optimal: 0, infeasible: 0, aboveParticipantBound: 0 };
  for (let i = 0; i < 120; i++) {
    const problem = tinyProblem(random);
    const expected = bruteForceOptimum(problem);
    const r = solve(problem, { timeLimitSeconds: 10, seed: i });
    if (expected === null) {
      assert.equal(r.status, 'infeasible', `problem ${i}: no schedule places every meeting`);
      assert.ok(r.infeasibleBecause);
      tally.infeasible++;
    } else {
      assert.equal(r.status, 'optimal', `problem ${i}`);
      assert.equal(r.objective, expected, `problem ${i}`);
      assert.equal(r.lowerBound, expected);
      assert.deepEqual(checkSchedule(problem, r.slots, r.tables).violations, []);
      tally.optimal++;
    }
  }
  assert.ok(tally.optimal > 40 && tally.infeasible > 10, JSON.stringify(tally));
});

test('proves an optimum above the per-participant bound in its own thread (40 triangles of meetings)', () => {
  // Three meetings of three people take three slots; whoever is in the first and the last has a
  // break. So every triangle costs one break, though each person alone could meet without one.
  const triangles = 40;
  const meetings: Meeting[] = [];
  for (let i = 0; i < triangles; i++) {
    const [a, b, c] = [3 * i, 3 * i + 1, 3 * i + 2];
    meetings.push({ participants: [a, b] }, { participants: [a, c] }, { participants: [b, c] });
  }
  const problem: SchedulingProblem = {
    participants: 3 * triangles,
    slots: 18, // 120 meetings × 18 slots: above the size where the exact search gets its own thread
    morningSlots: 9,
    tables: triangles,
    meetings,
    unavailable: Array.from({ length: 3 * triangles }, () => []),
    fairness: 2,
  };
  const r = solve(problem, { timeLimitSeconds: 30, seed: 1 });
  assert.equal(r.status, 'optimal');
  assert.equal(r.objective, triangles);
  assert.equal(r.lowerBound, triangles);
  assert.deepEqual(checkSchedule(problem, r.slots, r.tables).violations, []);
});
