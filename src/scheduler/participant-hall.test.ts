import assert from 'node:assert/strict';
import { test } from 'node:test';
import { participantHallPropagator } from './participant-hall.ts';
import { lit, neg, SatSolver } from './sat.ts';

/**
 * One participant's meetings, each allowed in the given slots: a literal per meeting and slot, each
 * meeting in exactly one of its slots, at most one meeting per slot.
 */
function oneParticipant(allowed: number[][], slots: number) {
  const solver = new SatSolver();
  const x = allowed.map((own) => own.map(() => lit(solver.newVar())));
  for (const lits of x) {
    solver.addClause(lits);
    for (let i = 0; i < lits.length; i++)
      for (let j = i + 1; j < lits.length; j++) solver.addClause([neg(lits[i]!), neg(lits[j]!)]);
  }
  for (let t = 0; t < slots; t++) {
    const here = allowed.flatMap((own, m) => (own.includes(t) ? [x[m]![own.indexOf(t)]!] : []));
    for (let i = 0; i < here.length; i++)
      for (let j = i + 1; j < here.length; j++) solver.addClause([neg(here[i]!), neg(here[j]!)]);
  }
  const propagator = participantHallPropagator(solver, [allowed.map((_, m) => m)], allowed, x, slots);
  return { solver, x, propagator };
}

test('eight meetings of one participant in seven slots: a pigeonhole that the Hall check refutes at once', () => {
  const allowed = Array.from({ length: 8 }, () => [0, 1, 2, 3, 4, 5, 6]);
  const plain = oneParticipant(allowed, 7);
  assert.equal(plain.solver.solve(), 'unsat');
  // Resolution needs many conflicts for a pigeonhole.
  assert.ok(plain.solver.conflicts > 200, `${plain.solver.conflicts} conflicts without the check`);
  const checked = oneParticipant(allowed, 7);
  checked.solver.setPropagator(checked.propagator);
  assert.equal(checked.solver.solve(), 'unsat');
  assert.ok(checked.solver.conflicts <= 1, `${checked.solver.conflicts} conflicts with the check`);
  assert.equal(checked.solver.consistent, false);
});

test('three meetings that reach only two slots between them: the clause sends one elsewhere', () => {
  // Meetings 0 and 1 may take slots 0 and 1; meeting 2 slots 0, 1 and 2.
  const { solver, x, propagator } = oneParticipant(
    [
      [0, 1],
      [0, 1],
      [0, 1, 2],
    ],
    3,
  );
  solver.setPropagator(propagator);
  const inSlot2 = x[2]![2]!;
  assert.equal(solver.solve([neg(inSlot2)]), 'unsat');
  assert.equal(solver.consistent, true, 'refuted only under the assumption');
  assert.deepEqual(solver.failed, [neg(inSlot2)]);
  assert.ok(solver.propagatorClauses > 0);
  assert.equal(solver.solve(), 'sat');
  assert.equal(solver.value(inSlot2 >> 1), true);
});

test('meetings that fit in distinct slots are never refuted, however their slots overlap', () => {
  // A staircase: meeting m may take slots m and m + 1; five meetings, six slots.
  const allowed = Array.from({ length: 5 }, (_, m) => [m, m + 1]);
  const { solver, x, propagator } = oneParticipant(allowed, 6);
  solver.setPropagator(propagator);
  assert.equal(solver.solve([x[0]![1]!]), 'sat', 'meeting 0 in slot 1 pushes each other one up');
  for (let m = 1; m < 5; m++) assert.equal(solver.value(x[m]![1]! >> 1), true);
  assert.equal(solver.solve([x[0]![1]!, neg(x[4]![1]!)]), 'unsat');
});
