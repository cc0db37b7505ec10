import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { buildModel } from './exact.ts';
import { breaksLowerBound } from './lower-bound.ts';
import { allowedSlots } from './problem.ts';
import { lit, neg, SatSolver } from './sat.ts';
import { type SlotPair, slotMatchingPropagator } from './slot-matching.ts';
import { bruteForceOptimum, tinyProblem } from './tiny-problems.ts';

/**
 * One slot with two tables (four seats): a busy indicator per participant, a literal per pair that may
 * meet there, and the clauses that tie them (a meeting makes both busy; a busy participant meets).
 */
function oneSlot(participants: number, meetings: [number, number][]) {
  const solver = new SatSolver();
  const FALSE = lit(solver.newVar());
  solver.addClause([neg(FALSE)]);
  const busy = Array.from({ length: participants }, () => lit(solver.newVar()));
  const pairs: SlotPair[] = meetings.map(([a, b]) => ({ a, b, x: lit(solver.newVar()) }));
  for (const { a, b, x } of pairs) {
    solver.addClause([neg(x), busy[a]!]);
    solver.addClause([neg(x), busy[b]!]);
  }
  for (const [p, l] of busy.entries())
    solver.addClause([neg(l), ...pairs.filter((q) => q.a === p || q.b === p).map((q) => q.x)]);
  const propagator = slotMatchingPropagator(
    solver,
    busy.map((b) => [b]),
    [pairs],
    4,
    FALSE,
  );
  return { solver, busy, pairs, propagator };
}

test('three busy participants who can only meet the same fourth need six seats, more than two tables hold', () => {
  const { solver, busy, propagator } = oneSlot(4, [
    [0, 1],
    [0, 2],
    [0, 3],
  ]);
  // Without the matching, nothing in these clauses counts seats.
  assert.equal(solver.solve([busy[1]!, busy[2]!, busy[3]!]), 'sat');
  solver.setPropagator(propagator);
  assert.equal(solver.solve([busy[1]!, busy[2]!, busy[3]!]), 'unsat');
  assert.ok(solver.propagatorClauses > 0);
  assert.equal(solver.consistent, true, 'refuted only under the assumptions');
  // Two of them fit: four seats.
  assert.equal(solver.solve([busy[1]!, busy[2]!]), 'sat');
});

test('a meeting ruled out in the slot counts: without it, each of three busy participants brings a partner', () => {
  // 0 and 1 may meet each other; 0 may also meet 4, 1 may meet 3, and 2 only 5.
  const { solver, busy, pairs, propagator } = oneSlot(6, [
    [0, 1],
    [0, 4],
    [1, 3],
    [2, 5],
  ]);
  solver.setPropagator(propagator);
  const busyThree = [busy[0]!, busy[1]!, busy[2]!];
  assert.equal(solver.solve(busyThree), 'sat');
  assert.equal(solver.value(pairs[0]!.x >> 1), true, '0 and 1 meet: four seats');
  assert.equal(solver.solve([...busyThree, neg(pairs[0]!.x)]), 'unsat');
});

test('with the slots’ matchings, both models still find the exhaustive optimum of 240 tiny problems, with a host or not', () => {
  const random = seededRandom(11);
  const fired = { hosts: 0, none: 0 };
  let checked = 0;
  for (let i = 0; i < 240; i++) {
    const problem = tinyProblem(random);
    if (i % 2 === 1) {
      // A host at a table of their own, and one table for everybody else: a tight shared table.
      problem.tableOwners = [problem.meetings[0]!.participants[0]!, null];
      problem.tables = 2;
    }
    const expected = bruteForceOptimum(problem);
    const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
    const lowerBound = breaksLowerBound(problem, allowed);
    for (const busyBound of ['none', 'counter'] as const) {
      const model = buildModel(problem, allowed, lowerBound, busyBound);
      let optimum: number | null = null;
      for (let k = 0; k <= model.gaps; k++) {
        const a = model.atMost(k);
        const answer = model.solver.solve(a === undefined ? [] : [a]);
        assert.notEqual(answer, 'unknown');
        if (answer === 'sat') {
          optimum = model.countBreaks();
          break;
        }
        if (!model.solver.consistent) break;
      }
      assert.equal(optimum, expected, `problem ${i}, ${busyBound}`);
      fired[problem.tableOwners === undefined ? 'none' : 'hosts'] += model.solver.propagatorClauses;
      checked++;
    }
  }
  assert.equal(checked, 480);
  assert.ok(
    fired.none > 0 && fired.hosts > 0,
    `the matchings told the search something: ${JSON.stringify(fired)}`,
  );
});
