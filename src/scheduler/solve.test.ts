import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSchedule } from './checker.ts';
import { generateProblem } from './generate.ts';
import type { SchedulingProblem } from './problem.ts';
import { solve } from './solve.ts';

const small = (seed: number) =>
  generateProblem({
    participants: 60,
    days: 2,
    slotsPerDay: 8,
    morningSlots: 4,
    minMeetings: 2,
    maxMeetings: 6,
    seed,
  }).problem;

/** Solves within a second and has the checker, written apart from the solver, judge the schedule. */
function solveChecked(problem: SchedulingProblem) {
  const r = solve(problem, { timeLimitSeconds: 1 });
  assert.deepEqual(checkSchedule(problem, r.slots, r.tables).violations, []);
  return r;
}

test('schedules every meeting of generated problems without breaking a constraint', () => {
  for (const seed of [1, 2, 3]) {
    const problem = small(seed);
    const r = solve(problem, { timeLimitSeconds: 3, seed });
    const check = checkSchedule(problem, r.slots, r.tables);
    assert.deepEqual(check.violations, []);
    assert.equal(check.scheduled, problem.meetings.length);
    assert.equal(r.objective, check.breaks);
    assert.ok(r.lowerBound <= check.breaks);
    assert.ok(r.status === 'optimal' ? r.objective === r.lowerBound : r.status === 'feasible');
  }
});

test('the same seed gives the same schedule', () => {
  const problem = small(4);
  const a = solve(problem, { timeLimitSeconds: 3, seed: 9 });
  const b = solve(problem, { timeLimitSeconds: 3, seed: 9 });
  assert.equal(a.status, 'optimal', 'an easy problem reaches its bound before the time limit');
  assert.deepEqual(a.slots, b.slots);
  assert.deepEqual(a.tables, b.tables);
});

test('honours fixed slots, sessions, unavailability, precedences and host tables', () => {
  const problem: SchedulingProblem = {
    participants: 5,
    slots: 6,
    morningSlots: 3,
    tables: 2,
    tableOwners: [4, null],
    meetings: [
      { participants: [0, 1], fixedSlot: 4 },
      { participants: [0, 2], session: 'morning' },
      { participants: [1, 2], after: [1] },
      { participants: [3, 4] },
      { participants: [0, 4], after: [0] },
    ],
    unavailable: [[0], [], [], [], [5]],
    fairness: 2,
  };
  const r = solve(problem, { timeLimitSeconds: 2 });
  assert.deepEqual(checkSchedule(problem, r.slots, r.tables).violations, []);
  assert.equal(r.slots[0], 4);
  assert.ok(r.slots[1]! < 3 && r.slots[1]! > 0);
  assert.ok(r.slots[2]! > r.slots[1]!);
  // Meeting 4 must follow meeting 0 (slot 4), but participant 4 is away in slot 5: it cannot be placed.
  assert.equal(r.slots[4], -1);
  assert.deepEqual(
    r.unscheduled.map((u) => u.meeting),
    [4],
  );
  assert.match(r.unscheduled[0]!.reason, /precedences/);
  assert.equal(r.status, 'infeasible', 'the exact search proves that meeting 4 cannot be placed');
  assert.match(r.infeasibleBecause ?? '', /exact search/);
  assert.equal(r.tables[3], 0, "a host's meetings take the host's table");
});

test('proves infeasibility when a participant has more meetings than slots, and says why', () => {
  const problem: SchedulingProblem = {
    participants: 4,
    slots: 2,
    morningSlots: 2,
    tables: 3,
    meetings: [{ participants: [0, 1] }, { participants: [0, 2] }, { participants: [0, 3] }],
    unavailable: [[], [], [], []],
    fairness: 2,
  };
  // Proven before the search: the annealing stops once it stalls instead of using the whole minute.
  const r = solve(problem, { timeLimitSeconds: 60 });
  assert.ok(r.seconds < 20, `took ${r.seconds} s`);
  assert.equal(r.status, 'infeasible');
  assert.equal(r.objective, null);
  assert.equal(r.unscheduled.length, 1);
  assert.match(r.infeasibleBecause ?? '', /participant 1 has more meetings than slots/);
  assert.deepEqual(checkSchedule(problem, r.slots, r.tables).violations, []);
});

test('keeps an earlier schedule where it can when meetings change', () => {
  const problem = small(5);
  const first = solve(problem, { timeLimitSeconds: 2, seed: 1 });
  const next = { ...problem, meetings: problem.meetings.slice(1) };
  const keep = { slots: first.slots.slice(1), tables: first.tables.slice(1) };
  const r = solve(next, { timeLimitSeconds: 2, seed: 1, keep });
  assert.deepEqual(checkSchedule(next, r.slots, r.tables).violations, []);
  const same = r.slots.filter((s, i) => s === keep.slots[i] && r.tables[i] === keep.tables[i]).length;
  assert.equal(same, next.meetings.length, 'cancelling a meeting moves no other meeting');
});

// The published instances are checked by `npm run bench:scheduler`, which reads them in ../shared;
// the tests stay self-contained so that they run the same on every machine.
test('proves an optimum above zero: availability forces a break the bound knows of', () => {
  const problem: SchedulingProblem = {
    participants: 5,
    slots: 4,
    morningSlots: 4,
    tables: 2,
    meetings: [{ participants: [0, 1] }, { participants: [0, 2] }, { participants: [3, 4] }],
    unavailable: [[], [1, 2, 3], [0, 1, 3], [], []],
    fairness: 2,
  };
  const r = solve(problem, { timeLimitSeconds: 5, seed: 1 });
  assert.equal(r.status, 'optimal');
  assert.equal(r.objective, 1);
  assert.equal(r.lowerBound, 1);
  assert.deepEqual(checkSchedule(problem, r.slots, r.tables).violations, []);
});

test('a partial schedule still honours fairness when meetings must be left out', () => {
  const problem: SchedulingProblem = {
    participants: 4,
    slots: 5,
    morningSlots: 5,
    tables: 2,
    meetings: [
      { participants: [0, 1], fixedSlot: 0 },
      { participants: [0, 2], fixedSlot: 2 },
      { participants: [0, 1], fixedSlot: 4 },
    ],
    unavailable: [[], [], [], []],
    fairness: 1,
  };
  const r = solveChecked(problem);
  assert.equal(r.unscheduled.length, 1);
  assert.equal(r.status, 'infeasible');
  assert.match(r.infeasibleBecause ?? '', /needs at least 2 breaks/);
});

test('fairness left broken by a forced break: a whole run goes, not a meeting that opens another break', () => {
  // Participant 0 meets in slots 0, 1, 3 and 4: one break, while participant 1 (one meeting) has none,
  // so d = 0 needs one of 0's two runs out. Leaving out the run in slots 0–1 would open a break for
  // participant 2 (slots 0, 1, 2); the run in slots 3–4 costs nothing else.
  const problem: SchedulingProblem = {
    participants: 7,
    slots: 5,
    morningSlots: 5,
    tables: 4,
    meetings: [
      { participants: [0, 1], fixedSlot: 0 },
      { participants: [0, 2], fixedSlot: 1 },
      { participants: [0, 3], fixedSlot: 3 },
      { participants: [0, 4], fixedSlot: 4 },
      { participants: [2, 5], fixedSlot: 0 },
      { participants: [2, 6], fixedSlot: 2 },
    ],
    unavailable: [[], [], [], [], [], [], []],
    fairness: 0,
  };
  const r = solveChecked(problem);
  assert.equal(r.status, 'infeasible');
  assert.deepEqual(
    r.unscheduled.map((u) => u.meeting),
    [2, 3],
  );
  assert.match(r.unscheduled[0]!.reason, /fairness/);
});

test('a meeting taken out to restore fairness comes back where it fits without a break', () => {
  // Participant 0 meets in slot 0, in slot 1 or 5, and in slots 3 and 4: a break whatever happens,
  // while participant 1 (one meeting) has none. At d = 0 the meeting in slot 0 has to go; the one with
  // participant 2 stays, in slot 5 (0's run 3–5), even if it left with the run of slots 0–1.
  const problem: SchedulingProblem = {
    participants: 5,
    slots: 6,
    morningSlots: 6,
    tables: 2,
    meetings: [
      { participants: [0, 1], fixedSlot: 0 },
      { participants: [0, 2], session: 'any' },
      { participants: [0, 3], fixedSlot: 3 },
      { participants: [0, 4], fixedSlot: 4 },
    ],
    unavailable: [[2], [], [2, 3, 4], [], []],
    fairness: 0,
  };
  const r = solveChecked(problem);
  assert.equal(r.status, 'infeasible');
  assert.deepEqual(
    r.unscheduled.map((u) => u.meeting),
    [0],
  );
  assert.equal(r.slots[1], 5);
});

test('a meeting that cannot be placed takes the meetings that must follow it out too', () => {
  const problem: SchedulingProblem = {
    participants: 4,
    slots: 4,
    morningSlots: 2,
    tables: 2,
    meetings: [
      { participants: [0, 1], session: 'morning', fixedSlot: 3 },
      { participants: [1, 2], after: [0] },
      { participants: [2, 3], after: [1] },
      { participants: [0, 3] },
    ],
    unavailable: [[], [], [], []],
    fairness: 2,
  };
  const r = solveChecked(problem);
  assert.deepEqual(
    r.unscheduled.map((u) => u.meeting),
    [0, 1, 2],
  );
  assert.ok(r.slots[3]! >= 0);
  assert.equal(r.status, 'infeasible');
});

test('re-scheduling an unchanged schedule keeps it and proves it optimal when the breaks meet the bound', async () => {
  const { solve } = await import('./solve.ts');
  const problem = {
    participants: 4,
    slots: 4,
    morningSlots: 2,
    tables: 2,
    meetings: [{ participants: [0, 1] }, { participants: [2, 3] }, { participants: [0, 2] }],
    unavailable: [[], [], [], []],
    fairness: 2,
  };
  const first = solve(problem, { timeLimitSeconds: 2, seed: 1 });
  const again = solve(problem, {
    timeLimitSeconds: 2,
    seed: 2,
    keep: { slots: first.slots, tables: first.tables },
  });
  assert.deepEqual(again.slots, first.slots);
  assert.equal(again.status, first.objective === first.lowerBound ? 'optimal' : 'feasible');
  assert.equal(again.status, 'optimal');
});
