import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { readModel } from './asp.ts';
import { checkSchedule } from './checker.ts';
import { proveWithClasp } from './clasp.ts';
import { Channel, foundSlots, newChannel } from './exact.ts';
import { breaksLowerBound } from './lower-bound.ts';
import { allowedSlots } from './problem.ts';
import { bruteForceOptimum, bruteForceTables, tinyProblem } from './tiny-problems.ts';

test('clasp on the answer-set model proves the optimum or infeasibility of 60 tiny problems, as enumeration finds, in its own configuration and in the preset for crafted problems', async () => {
  const random = seededRandom(11);
  const tally = { optimal: 0, infeasible: 0, withHost: 0 };
  for (let i = 0; i < 60; i++) {
    const problem = tinyProblem(random);
    const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
    const expected = bruteForceOptimum(problem);
    if (problem.tableOwners) tally.withHost++;
    const channel = newChannel(problem.meetings.length, true);
    await proveWithClasp(
      problem,
      allowed,
      breaksLowerBound(problem, allowed),
      channel,
      performance.now() + 10_000,
      i % 2 === 0 ? 'auto' : 'crafty',
    );
    if (expected === null) {
      assert.equal(channel[Channel.VERDICT], 2, `problem ${i}: proven infeasible`);
      tally.infeasible++;
      continue;
    }
    assert.equal(channel[Channel.VERDICT], 1, `problem ${i}: proven optimal`);
    assert.equal(channel[Channel.BOUND], expected, `problem ${i}`);
    const slots = Array.from(foundSlots(channel, problem.meetings.length));
    const tables = bruteForceTables(problem, slots);
    const report = checkSchedule(problem, slots, tables);
    assert.deepEqual(report.violations, [], `problem ${i}`);
    assert.equal(report.breaks, expected, `problem ${i}`);
    tally.optimal++;
  }
  assert.ok(tally.optimal > 20 && tally.infeasible > 5 && tally.withHost > 5, JSON.stringify(tally));
});

test('clasp leaves a schedule another thread posted when its own are no better', async () => {
  const random = seededRandom(3);
  let problem = tinyProblem(random);
  while (!((bruteForceOptimum(problem) ?? 0) > 0)) problem = tinyProblem(random);
  const expected = bruteForceOptimum(problem)!;
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const M = problem.meetings.length;
  const channel = newChannel(M, true);
  // Another thread's schedule with as few breaks (its slots a marker clasp never writes).
  channel.fill(5, Channel.HEADER, Channel.HEADER + M);
  channel[Channel.FOUND_BREAKS] = expected;
  await proveWithClasp(problem, allowed, 0, channel, performance.now() + 10_000);
  assert.equal(channel[Channel.VERDICT], 1);
  assert.equal(channel[Channel.BOUND], expected);
  assert.equal(channel[Channel.FOUND_BREAKS], expected);
  assert.deepEqual(Array.from(foundSlots(channel, M)), new Array(M).fill(5));
});

test('a stop request ends a running clasp search without a verdict', async () => {
  const random = seededRandom(5);
  const problem = tinyProblem(random);
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const channel = newChannel(problem.meetings.length, true);
  channel[Channel.STOP] = 1;
  assert.equal(await proveWithClasp(problem, allowed, 0, channel, performance.now() + 10_000), 'gave-up');
  assert.equal(channel[Channel.VERDICT], 0);
});

test('reads slots and breaks from the atoms clasp shows', () => {
  const model = readModel(['x(0,3)', 'gap(1,2)', 'x(2,0)', 'gap(4,0)'], 3);
  assert.deepEqual(Array.from(model.slots), [3, -1, 0]);
  assert.equal(model.breaks, 2);
});
