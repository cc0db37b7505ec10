import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedSlots, dayOfSlots, type SchedulingProblem } from './problem.ts';
import { runBounds } from './runs.ts';

const problem = (over: Partial<SchedulingProblem>): SchedulingProblem => ({
  participants: 4,
  slots: 5,
  morningSlots: 3,
  tables: 2,
  meetings: [{ participants: [0, 1] }, { participants: [0, 2] }, { participants: [0, 3] }],
  unavailable: [[], [], [], []],
  fairness: 2,
  ...over,
});
const boundsOf = (p: SchedulingProblem, who: number) => {
  const allowed = p.meetings.map((m) => allowedSlots(p, m));
  const own = [...p.meetings.keys()].filter((i) => p.meetings[i]!.participants.includes(who));
  return runBounds(dayOfSlots(p), allowed, own);
};

test('three meetings in five slots without a break always take the middle slot', () => {
  assert.deepEqual(boundsOf(problem({}), 0), { busy: [2], idle: [] });
  // One meeting, no run to speak of.
  assert.equal(boundsOf(problem({}), 1), undefined);
});

test('runs that cannot hold the meetings do not count: an afternoon meeting pulls the run to the end', () => {
  const p = problem({
    meetings: [
      { participants: [0, 1], session: 'afternoon' },
      { participants: [0, 2], session: 'afternoon' },
      { participants: [0, 3] },
    ],
  });
  // Afternoon is slots 3 and 4, so the only run is 2–4 and slots 0 and 1 stay idle.
  assert.deepEqual(boundsOf(p, 0), { busy: [2, 3, 4], idle: [0, 1] });
  // Unavailable in slot 3: no run holds the three meetings, every slot needs a break to be used.
  const q = problem({ ...p, unavailable: [[3], [], [], []] });
  assert.deepEqual(boundsOf(q, 0), { busy: [], idle: [0, 1, 2, 4] });
});

test('says nothing of a participant whose meetings may fall on different days', () => {
  assert.equal(boundsOf(problem({ slots: 6, dayLengths: [3, 3] }), 0), undefined);
  // Kept to the first day by unavailability, the run is that day's three slots.
  const p = problem({ slots: 6, dayLengths: [3, 3], unavailable: [[3, 4, 5], [], [], []] });
  assert.deepEqual(boundsOf(p, 0), { busy: [0, 1, 2], idle: [] });
});
