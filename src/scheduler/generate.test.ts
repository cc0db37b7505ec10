import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSchedule } from './checker.ts';
import { generateProblem } from './generate.ts';

test('a generated problem with sessions and unavailability still fits its hidden schedule', () => {
  const options = {
    participants: 300,
    days: 2,
    slotsPerDay: 10,
    morningSlots: 5,
    minMeetings: 2,
    maxMeetings: 8,
    seed: 5,
  };
  const plain = generateProblem(options);
  const { problem, hiddenSlots, hiddenTables } = generateProblem({
    ...options,
    restrictions: { sessionShare: 0.5, unavailableShare: 0.5 },
  });
  // The same meetings as without restrictions, now with some of them kept to a session.
  assert.deepEqual(
    problem.meetings.map((m) => m.participants),
    plain.problem.meetings.map((m) => m.participants),
  );
  const sessions = problem.meetings.filter((m) => m.session !== undefined).length;
  assert.ok(sessions > problem.meetings.length * 0.4 && sessions < problem.meetings.length * 0.6);
  const unavailable = problem.unavailable.reduce((n, list) => n + list.length, 0);
  assert.ok(unavailable > 0);
  assert.deepEqual(checkSchedule(problem, hiddenSlots, hiddenTables).violations, []);
});
