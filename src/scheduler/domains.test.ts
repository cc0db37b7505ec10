import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { tightenByPrecedence } from './domains.ts';
import { allowedSlots, type SchedulingProblem } from './problem.ts';
import { forEachValidSchedule, tinyProblem } from './tiny-problems.ts';

const domainsOf = (problem: SchedulingProblem) =>
  tightenByPrecedence(
    problem,
    problem.meetings.map((m) => allowedSlots(problem, m)),
  );

test('narrowed slots keep every valid complete schedule, on 150 tiny problems with chains of precedences', () => {
  const random = seededRandom(11);
  let removed = 0;
  let schedules = 0;
  for (let i = 0; i < 150; i++) {
    const problem = tinyProblem(random);
    // More precedences than the shared generator gives, chains included.
    problem.meetings.forEach((m, k) => {
      if (k > 0 && random() < 0.5) m.after = [...new Set([...(m.after ?? []), Math.floor(random() * k)])];
    });
    const before = problem.meetings.map((m) => allowedSlots(problem, m));
    const after = domainsOf(problem);
    removed += before.flat().length - after.flat().length;
    forEachValidSchedule(problem, (slots) => {
      schedules++;
      slots.forEach((t, m) => {
        assert.ok(after[m]!.includes(t), `problem ${i}: meeting ${m} in slot ${t} lost from ${after[m]}`);
      });
    });
  }
  assert.ok(removed > 100 && schedules > 1000, `removed ${removed}, schedules ${schedules}`);
});

test('a participant’s chain of three meetings needs three slots: the first cannot take the last two', () => {
  const problem: SchedulingProblem = {
    participants: 4,
    slots: 5,
    morningSlots: 5,
    tables: 2,
    meetings: [
      { participants: [0, 1] },
      { participants: [0, 2] },
      // After both: they share participant 0, so they fill two distinct slots before it.
      { participants: [0, 3], after: [0, 1] },
    ],
    unavailable: [[], [], [], []],
    fairness: 2,
  };
  assert.deepEqual(domainsOf(problem), [
    [0, 1, 2, 3],
    [0, 1, 2, 3],
    [2, 3, 4],
  ]);
});

test('a cycle of precedences leaves a meeting without a slot (no complete schedule), and a problem without precedences is untouched', () => {
  const base: SchedulingProblem = {
    participants: 4,
    slots: 4,
    morningSlots: 2,
    tables: 2,
    meetings: [
      { participants: [0, 1], after: [1] },
      { participants: [2, 3], after: [0] },
    ],
    unavailable: [[], [], [], [1]],
    fairness: 2,
  };
  assert.ok(domainsOf(base).some((slots) => slots.length === 0));
  const free = { ...base, meetings: base.meetings.map((m) => ({ participants: m.participants })) };
  assert.deepEqual(domainsOf(free), [
    [0, 1, 2, 3],
    [0, 2, 3],
  ]);
});
