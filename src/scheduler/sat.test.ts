import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { lit, SatSolver } from './sat.ts';

interface Formula {
  vars: number;
  clauses: number[][];
  cards: { lits: number[]; k: number }[];
}

function randomFormula(random: () => number): Formula {
  const vars = 4 + Math.floor(random() * 9);
  const pick = () => lit(Math.floor(random() * vars), random() < 0.5);
  const clauses = Array.from({ length: Math.floor(random() * vars * 4) }, () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, pick),
  );
  const cards = Array.from({ length: Math.floor(random() * 4) }, () => {
    const chosen = [
      ...new Set(Array.from({ length: 2 + Math.floor(random() * vars) }, () => Math.floor(random() * vars))),
    ];
    const lits = chosen.map((v) => lit(v, random() < 0.5));
    return { lits, k: Math.floor(random() * lits.length) };
  });
  return { vars, clauses, cards };
}

const holds = (assignment: number, l: number) => ((assignment >> (l >> 1)) & 1) === 1 - (l & 1);
const satisfies = (f: Formula, a: number) =>
  f.clauses.every((c) => c.some((l) => holds(a, l))) &&
  f.cards.every(({ lits, k }) => lits.filter((l) => holds(a, l)).length <= k);

/** Whether some assignment of `vars` variables (bit v for variable v) passes `test`, by enumeration. */
function someAssignment(vars: number, test: (a: number) => boolean): boolean {
  for (let a = 0; a < 1 << vars; a++) if (test(a)) return true;
  return false;
}

function load(f: Formula): SatSolver {
  const s = new SatSolver();
  for (let v = 0; v < f.vars; v++) s.newVar();
  for (const c of f.clauses) s.addClause(c);
  for (const { lits, k } of f.cards) s.addAtMost(lits, k);
  return s;
}

const modelOf = (s: SatSolver, vars: number) => {
  let a = 0;
  for (let v = 0; v < vars; v++) if (s.value(v)) a |= 1 << v;
  return a;
};

/**
 * Solves (under `assumptions`) and checks the answer against enumeration of the assignments that pass
 * `passes`, and a model against `passes`; returns the answer.
 */
function solveChecked(
  s: SatSolver,
  vars: number,
  passes: (a: number) => boolean,
  label: string,
  assumptions: number[] = [],
) {
  const answer = s.solve(assumptions);
  assert.equal(answer, someAssignment(vars, passes) ? 'sat' : 'unsat', label);
  if (answer === 'sat') assert.ok(passes(modelOf(s, vars)), `model of ${label}`);
  return answer;
}

test('agrees with exhaustive enumeration on 1,500 random formulas with cardinality constraints', () => {
  const random = seededRandom(11);
  let sat = 0;
  for (let i = 0; i < 1500; i++) {
    const f = randomFormula(random);
    if (solveChecked(load(f), f.vars, (a) => satisfies(f, a), `formula ${i}`) === 'sat') sat++;
  }
  assert.ok(sat > 300 && sat < 1400, 'the random set mixes satisfiable and unsatisfiable formulas');
});

test('a shuffled branching order answers as enumeration does, and branches differently', () => {
  const random = seededRandom(23);
  let differ = 0;
  for (let i = 0; i < 400; i++) {
    const f = randomFormula(random);
    const plain = load(f);
    const shuffled = load(f);
    shuffled.shuffleOrder(i + 1);
    const answer = solveChecked(shuffled, f.vars, (a) => satisfies(f, a), `formula ${i}`);
    if (plain.solve() === 'sat' && answer === 'sat' && modelOf(plain, f.vars) !== modelOf(shuffled, f.vars))
      differ++;
  }
  assert.ok(differ > 20, `the orders found different models for ${differ} formulas`);
});

test('solves under assumptions and after tightening a bound, keeping what it learnt valid', () => {
  const random = seededRandom(5);
  for (let i = 0; i < 300; i++) {
    const f = randomFormula(random);
    const all = Array.from({ length: f.vars }, (_, v) => lit(v));
    const s = load(f);
    const bound = s.addAtMost(all, f.vars);
    const assumption = lit(Math.floor(random() * f.vars), random() < 0.5);
    const withAssumption = (a: number) => satisfies(f, a) && holds(a, assumption);
    solveChecked(s, f.vars, withAssumption, `formula ${i} under its assumption`, [assumption]);
    // Now at most two variables true, without the assumption.
    s.tighten(bound, 2);
    const small = (a: number) => satisfies(f, a) && all.filter((l) => holds(a, l)).length <= 2;
    solveChecked(s, f.vars, small, `formula ${i} tightened`);
  }
});

test('names the assumptions a refutation used, and the formula refutes those alone', () => {
  const random = seededRandom(17);
  let refuted = 0;
  let fewer = 0;
  for (let i = 0; i < 600; i++) {
    const f = randomFormula(random);
    const vars = [...Array(f.vars).keys()].sort(() => random() - 0.5);
    const assumptions = vars.slice(0, 1 + Math.floor(random() * f.vars)).map((v) => lit(v, random() < 0.5));
    const s = load(f);
    const answer = s.solve(assumptions);
    if (answer !== 'unsat') {
      assert.deepEqual(s.failed, [], `formula ${i}: no refutation, no failed assumptions`);
      continue;
    }
    refuted++;
    for (const l of s.failed) assert.ok(assumptions.includes(l), `formula ${i}: ${l} is an assumption`);
    const together = (a: number) => satisfies(f, a) && s.failed.every((l) => holds(a, l));
    for (let a = 0; a < 1 << f.vars; a++)
      assert.ok(!together(a), `formula ${i}: assignment ${a} meets the failed set`);
    if (s.failed.length < assumptions.length) fewer++;
  }
  assert.ok(refuted > 100 && fewer > 50, `${refuted} refuted, ${fewer} with fewer assumptions than given`);
});

/** Pigeonhole 9 → 8: unsatisfiable and hard for resolution, so thousands of conflicts without an answer. */
function pigeonhole(): SatSolver {
  const s = new SatSolver();
  const x = Array.from({ length: 9 }, () => Array.from({ length: 8 }, () => lit(s.newVar())));
  for (const row of x) s.addClause(row);
  for (let h = 0; h < 8; h++)
    s.addAtMost(
      x.map((row) => row[h]!),
      1,
    );
  return s;
}

test('gives up with unknown when asked to stop', () => {
  const s = pigeonhole();
  assert.equal(
    s.solve([], () => s.conflicts > 200),
    'unknown',
  );
});

test('restarts as one long call when the search is cut into many short calls', () => {
  const whole = pigeonhole();
  assert.equal(
    whole.solve([], () => whole.conflicts > 3000),
    'unknown',
  );
  const cut = pigeonhole();
  let calls = 0;
  while (cut.conflicts <= 3000) {
    const limit = cut.conflicts + 100;
    assert.equal(
      cut.solve([], () => cut.conflicts > limit),
      'unknown',
    );
    calls++;
  }
  assert.ok(calls >= 10, `${calls} calls`);
  // Luby's sequence restarts about 15 times in 3,000 conflicts; starting it again at each call
  // would restart at least once a call.
  assert.ok(whole.restarts >= 10, `${whole.restarts} restarts`);
  assert.ok(Math.abs(cut.restarts - whole.restarts) <= 3, `${cut.restarts} against ${whole.restarts}`);
});

test('stays right through thousands of conflicts, as learnt clauses are shrunk, dropped and their memory compacted', () => {
  // Planted 3-SAT: every clause holds under a hidden assignment, so the answer must be a model.
  const random = seededRandom(3);
  let compactions = 0;
  for (let round = 0; round < 4; round++) {
    const vars = 250;
    const hidden = Array.from({ length: vars }, () => random() < 0.5);
    const s = new SatSolver();
    for (let v = 0; v < vars; v++) s.newVar();
    const clauses: number[][] = [];
    while (clauses.length < Math.round(vars * 4.2)) {
      const c = Array.from({ length: 3 }, () => lit(Math.floor(random() * vars), random() < 0.5));
      if (c.some((l) => hidden[l >> 1] === ((l & 1) === 0))) clauses.push(c);
    }
    for (const c of clauses) s.addClause(c);
    assert.equal(s.solve(), 'sat', `planted formula ${round}`);
    for (const c of clauses)
      assert.ok(
        c.some((l) => s.value(l >> 1) === ((l & 1) === 0)),
        `planted formula ${round}: clause ${c} holds`,
      );
    compactions += s.compactions;
  }
  // Pigeonhole 9 → 8 with pairwise clauses: unsatisfiable, and long enough to drop learnt clauses.
  const s = new SatSolver();
  const x = Array.from({ length: 9 }, () => Array.from({ length: 8 }, () => lit(s.newVar())));
  for (const row of x) s.addClause(row);
  for (let h = 0; h < 8; h++)
    for (let a = 0; a < 9; a++) for (let b = a + 1; b < 9; b++) s.addClause([x[a]![h]! ^ 1, x[b]![h]! ^ 1]);
  assert.equal(s.solve(), 'unsat');
  assert.ok(s.conflicts > 4000, `pigeonhole took ${s.conflicts} conflicts`);
  assert.ok(s.shrunkLits > 0, 'all-UIP shrinking took literals out of learnt clauses');
  compactions += s.compactions;
  assert.ok(compactions > 0, 'the clause memory was compacted at least once');
});

test('every clause it learns is implied by the formula, as a second solver that does not shrink confirms', () => {
  // At-most-k constraints over many literals give reasons of several literals; each learnt clause C
  // (one in four) is checked by a second solver without shrinking: the formula and not-C have no model.
  const random = seededRandom(11);
  let checked = 0;
  let shrunk = 0;
  for (let round = 0; round < 12; round++) {
    const vars = 40;
    const pick = () => lit(Math.floor(random() * vars), random() < 0.5);
    const clauses = Array.from({ length: 90 }, () => Array.from({ length: 3 }, pick));
    const cards = Array.from({ length: 10 }, () => {
      const chosen = [...new Set(Array.from({ length: 14 }, () => Math.floor(random() * vars)))];
      return { lits: chosen.map((v) => lit(v, random() < 0.5)), k: 3 + Math.floor(random() * 3) };
    });
    const f = { vars, clauses, cards };
    const s = load(f);
    const learnt: number[][] = [];
    s.onLearnt = (c) => learnt.push([...c]);
    for (let q = 0; q < 30; q++) s.solve(Array.from({ length: 3 + Math.floor(random() * 4) }, pick));
    shrunk += s.shrunkLits;
    for (const c of learnt.filter((_, i) => i % 4 === 0)) {
      const oracle = load(f);
      oracle.shrinking = false;
      assert.equal(
        oracle.solve(c.map((l) => l ^ 1)),
        'unsat',
        `round ${round}: learnt clause ${c} is implied`,
      );
      checked++;
    }
  }
  assert.ok(checked > 200, `${checked} learnt clauses checked`);
  assert.ok(shrunk > 0, 'shrinking took literals out of some of them');
});
