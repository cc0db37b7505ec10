import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSchedule } from '../scheduler/checker.ts';
import { generateProblem } from '../scheduler/generate.ts';
import { runScheduler } from './scheduler-runner.ts';

const { problem } = generateProblem({
  participants: 3000,
  days: 3,
  slotsPerDay: 16,
  morningSlots: 8,
  minMeetings: 2,
  maxMeetings: 11,
  seed: 5,
});

test('runs in a worker while the event loop stays free, and a cancel returns the best schedule so far', async () => {
  const started = performance.now();
  const run = runScheduler(problem, { timeLimitSeconds: 60, seed: 1 });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 20);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  run.cancel();
  const result = await run.result;
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  assert.ok(ticks >= 40, `the event loop ran ${ticks} ticks in 1.5 s`);
  assert.ok(seconds < 20, `the cancel was honoured (${seconds.toFixed(1)} s)`);
  const check = checkSchedule(problem, result.slots, result.tables);
  assert.deepEqual(check.violations, []);
  assert.equal(check.scheduled + result.unscheduled.length, problem.meetings.length);
});
