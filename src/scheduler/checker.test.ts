import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSchedule } from './checker.ts';
import type { SchedulingProblem } from './problem.ts';

const base: SchedulingProblem = {
  participants: 4,
  slots: 6,
  dayLengths: [3, 3],
  morningSlots: 2,
  tables: 2,
  meetings: [
    { participants: [0, 1] },
    { participants: [0, 2] },
    { participants: [0, 3], session: 'afternoon' },
    { participants: [1, 2], fixedSlot: 4, after: [0] },
  ],
  unavailable: [[], [], [], [2]],
  fairness: 1,
};

test('a valid schedule has no violations and counts gaps within a day only', () => {
  // Participant 0 meets in slots 0 and 2 (one gap on day 1), then in slot 5 (a new day: no break).
  const r = checkSchedule(base, [0, 2, 5, 4], [0, 0, 1, 0]);
  assert.deepEqual(r.violations, []);
  assert.deepEqual(r.breaksOf, [1, 0, 0, 0]);
  assert.equal(r.breaks, 1);
  assert.equal(r.scheduled, 4);
});

test('finds every kind of violation', () => {
  const cases: [number[], number[], RegExp][] = [
    [[0, 0, 5, 4], [0, 1, 1, 0], /participant 0 is in meetings 0 and 1/],
    [[0, 1, 5, 1], [0, 0, 1, 0], /table 0 holds meetings 1 and 3 in slot 1/],
    [[0, 2, 1, 4], [0, 0, 1, 0], /must be in the afternoon/],
    [[0, 1, 5, 3], [0, 0, 0, 0], /fixed to slot 4/],
    [[4, 1, 5, 4], [1, 0, 1, 0], /must come after meeting 0/],
    [[0, 1, 5, 4], [0, 0, 2, 0], /table 2, which does not exist/],
  ];
  for (const [slots, tables, message] of cases) {
    const r = checkSchedule(base, slots, tables);
    assert.ok(
      r.violations.some((v) => message.test(v)),
      `${message} not in ${r.violations.join('; ')}`,
    );
  }
  const unavailable = checkSchedule(base, [0, 1, 2, 4], [0, 0, 1, 0]);
  assert.ok(unavailable.violations.some((v) => /participant 3 is unavailable in slot 2/.test(v)));
});

test('fairness counts participants without breaks too', () => {
  const p: SchedulingProblem = {
    participants: 3,
    slots: 5,
    morningSlots: 5,
    tables: 1,
    meetings: [{ participants: [0, 1] }, { participants: [0, 2] }, { participants: [0, 1] }],
    unavailable: [[], [], []],
    fairness: 1,
  };
  // Participant 0 meets in slots 0, 2 and 4: two breaks, while participant 2 has none.
  const r = checkSchedule(p, [0, 2, 4], [0, 0, 0]);
  assert.ok(r.violations.some((v) => /fairness/.test(v)));
  assert.equal(checkSchedule({ ...p, fairness: 2 }, [0, 2, 4], [0, 0, 0]).violations.length, 0);
});

test('host tables are kept for their owners', () => {
  const p: SchedulingProblem = { ...base, tableOwners: [3, null] };
  const r = checkSchedule(p, [0, 2, 5, 4], [0, 1, 0, 1]);
  assert.ok(r.violations.some((v) => /owned by participant 3/.test(v)));
});
