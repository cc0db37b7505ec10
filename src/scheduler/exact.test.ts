import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { checkSchedule } from './checker.ts';
import { buildModel, Channel, foundSlots, newChannel, postHint, prove } from './exact.ts';
import { generateProblem } from './generate.ts';
import { breaksLowerBound } from './lower-bound.ts';
import { allowedSlots, type Meeting, type SchedulingProblem } from './problem.ts';
import { inlineProver, startProverThreads } from './prover-thread.ts';
import { solve } from './solve.ts';
import { bruteForceOptimum, bruteForceTables, tinyProblem, trianglesProblem } from './tiny-problems.ts';

test('proves the true optimum or infeasibility on 120 tiny problems, as exhaustive enumeration finds', () => {
  const random = seededRandom(3);
  const tally = { optimal: 0, infeasible: 0, aboveParticipantBound: 0 };
  for (let i = 0; i < 120; i++) {
    const problem = tinyProblem(random);
    const expected = bruteForceOptimum(problem);
    const r = solve(problem, { timeLimitSeconds: 10, seed: i });
    if (expected === null) {
      assert.equal(r.status, 'infeasible', `problem ${i}: no schedule places every meeting`);
      assert.ok(r.infeasibleBecause);
      tally.infeasible++;
    } else {
      assert.equal(r.status, 'optimal', `problem ${i}`);
      assert.equal(r.objective, expected, `problem ${i}`);
      assert.equal(r.lowerBound, expected);
      assert.deepEqual(checkSchedule(problem, r.slots, r.tables).violations, []);
      tally.optimal++;
    }
  }
  assert.ok(tally.optimal > 40 && tally.infeasible > 10, JSON.stringify(tally));
});

test('climbing, descending or both, with or without the participants-per-slot counter, our solver finds the exhaustive optimum of 80 tiny problems', () => {
  const random = seededRandom(5);
  let optimal = 0;
  for (let i = 0; i < 80; i++) {
    const problem = tinyProblem(random);
    const expected = bruteForceOptimum(problem);
    const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
    const channel = newChannel(problem.meetings.length, false);
    const deadline = performance.now() + 10_000;
    prove(problem, allowed, breaksLowerBound(problem, allowed), channel, deadline, {
      busyBound: i % 4 < 2 ? 'counter' : 'none',
      search: (['both', 'climb', 'improve'] as const)[i % 3]!,
    });
    const verdict = channel[Channel.VERDICT];
    if (expected === null) {
      assert.equal(verdict, 2, `problem ${i}: no schedule places every meeting`);
      continue;
    }
    assert.equal(verdict, 1, `problem ${i}`);
    assert.equal(channel[Channel.FOUND_BREAKS], expected, `problem ${i}`);
    const slots = Array.from(foundSlots(channel, problem.meetings.length));
    const report = checkSchedule(problem, slots, bruteForceTables(problem, slots));
    assert.deepEqual(report.violations, [], `problem ${i}`);
    optimal++;
  }
  assert.ok(optimal > 30, `${optimal} optimal`);
});

test('looking only for better schedules, from a poor one far above the bound, still reaches and proves the optimum', () => {
  // Each triangle's three meetings two slots apart: three breaks a triangle, where one is the optimum.
  const triangles = 8;
  const problem = trianglesProblem(triangles, 12);
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const channel = newChannel(problem.meetings.length, false);
  const poor = Int32Array.from(problem.meetings, (_, m) => 2 * (m % 3));
  assert.deepEqual(
    checkSchedule(problem, Array.from(poor), bruteForceTables(problem, Array.from(poor))).violations,
    [],
  );
  postHint(channel, 3 * triangles, poor);
  prove(problem, allowed, breaksLowerBound(problem, allowed), channel, performance.now() + 20_000, {
    search: 'improve',
  });
  assert.equal(channel[Channel.VERDICT], 1);
  assert.equal(channel[Channel.FOUND_BREAKS], triangles);
  assert.equal(channel[Channel.BOUND], triangles);
  const slots = Array.from(foundSlots(channel, problem.meetings.length));
  assert.deepEqual(checkSchedule(problem, slots, bruteForceTables(problem, slots)).violations, []);
});

test('looking only for better schedules, from one beyond the window of the breaks counter, climbs instead of idling', () => {
  // 24 triangles two slots apart: 72 breaks, more than 65 above the bound 0 that the counter reaches.
  const triangles = 24;
  const problem = trianglesProblem(triangles, 12);
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const channel = newChannel(problem.meetings.length, false);
  postHint(
    channel,
    3 * triangles,
    Int32Array.from(problem.meetings, (_, m) => 2 * (m % 3)),
  );
  // Idling, it would give up at the deadline (verdict 3) instead of proving the optimum.
  prove(problem, allowed, 0, channel, performance.now() + 20_000, { search: 'improve' });
  assert.equal(channel[Channel.VERDICT], 1);
  assert.equal(channel[Channel.BOUND], triangles);
  assert.equal(channel[Channel.FOUND_BREAKS], triangles);
});

test('proves an optimum above the per-participant bound in its own thread (40 triangles of meetings)', () => {
  // Three meetings of three people take three slots; whoever is in the first and the last has a
  // break. So every triangle costs one break, though each person alone could meet without one.
  const triangles = 40;
  // 120 meetings × 18 slots: above the size where the exact search gets its own thread
  const problem = trianglesProblem(triangles, 18);
  const r = solve(problem, { timeLimitSeconds: 30, seed: 1 });
  assert.equal(r.status, 'optimal');
  assert.equal(r.objective, triangles);
  assert.equal(r.lowerBound, triangles);
  assert.deepEqual(checkSchedule(problem, r.slots, r.tables).violations, []);
});

/**
 * The inline search with `options` (its share nothing: it stops at its first check) must not prove
 * the 8 triangles' 8 breaks itself, but the caller must get that proof and a valid 8-break schedule
 * from the threads that join it.
 */
function provenByThreadsJoiningInline(options: Parameters<typeof inlineProver>[4]) {
  const problem = trianglesProblem(8, 12);
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const provers = inlineProver(problem, allowed, 0, performance.now() + 20_000, { share: 0, ...options });
  try {
    provers.finish(0);
    assert.notEqual(
      provers.verdict(),
      1,
      'the inline search alone proved it: the test needs a harder problem',
    );
    provers.wait(() => false);
    assert.equal(provers.verdict(), 1);
    assert.equal(provers.bound(), 8);
    provers.stop(1000);
    const found = provers.found();
    assert.equal(found?.breaks, 8);
    const slots = Array.from(found!.slots);
    assert.deepEqual(checkSchedule(problem, slots, bruteForceTables(problem, slots)).violations, []);
  } finally {
    provers.close();
  }
}

test('inline, a second search joins in a thread after its delay, and its proof and schedule reach the caller', () => {
  // The helper's delay is nothing and clasp does not come: only the helper can prove it.
  provenByThreadsJoiningInline({ helperAfterMs: 0, claspAfter: false });
});

test('inline, clasp joins in a thread when our solver’s share ends without a verdict, and proves what it could not', () => {
  // No helper comes: only clasp, joining after the inline search's share, can prove it.
  provenByThreadsJoiningInline({});
});

test('inline, without clasp after it, a search that gave up leaves no verdict but its own', () => {
  // The same problem and share, clasp left out: nothing proves it, and every search has given up.
  const problem = trianglesProblem(8, 12);
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const provers = inlineProver(problem, allowed, 0, performance.now() + 20_000, {
    share: 0,
    claspAfter: false,
  });
  try {
    provers.finish(0);
    assert.equal(provers.verdict(), 3);
    assert.equal(provers.bound(), 0);
  } finally {
    provers.close();
  }
});

test('a cancel stops the inline search at once, not at the end of its share of the time', () => {
  const problem = trianglesProblem(40, 18);
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  // Cancelled from the first time the search asks (after its model is built, which no check
  // interrupts): timed from there, so that a loaded machine's slower build does not count.
  let asked: number | undefined;
  const provers = inlineProver(problem, allowed, 0, performance.now() + 60_000, {
    cancelled: () => {
      asked ??= performance.now();
      return true;
    },
  });
  try {
    provers.finish(0);
    assert.ok(asked !== undefined, 'the search never asked whether it was cancelled');
    const seconds = (performance.now() - asked) / 1000;
    // Uncancelled, the search runs on to its proof (seconds): a verdict means the cancel went unheard.
    assert.notEqual(provers.verdict(), 1, 'the search ran on to its verdict');
    assert.ok(seconds < 1, `the search went on for ${seconds.toFixed(1)} s after the cancel`);
  } finally {
    provers.close();
  }
});

/** The exact searches' threads on `triangles` triangles (one break each at best) over `slots` slots. */
function trianglesProvers(triangles: number, slots: number, ms: number) {
  const problem = trianglesProblem(triangles, slots);
  return startProverThreads(
    problem,
    problem.meetings.map((m) => allowedSlots(problem, m)),
    0,
    ms,
  );
}

test('a stalled annealing rests beside the threads for a given time, not until their verdict', () => {
  // The searches need seconds to prove the 40 triangles' 40 breaks: a rest of 0.3 s ends first, and
  // the annealing may then run again; waiting without a time still ends with their verdict.
  const provers = trianglesProvers(40, 18, 30_000);
  try {
    const started = performance.now();
    provers.wait(() => false, 300);
    const rested = performance.now() - started;
    assert.equal(provers.verdict(), 0, 'the proof came within the rest: the test needs a harder problem');
    assert.ok(rested >= 290 && rested < 1500, `rested ${rested} ms`);
    provers.wait(() => false);
    assert.equal(provers.verdict(), 1);
    assert.equal(provers.bound(), 40);
  } finally {
    provers.close();
  }
});

test('beside the threads, the annealing waits for the climbing search to be ready, not for its verdict', () => {
  // Ready: its model built and its first question ("any complete schedule?") answered, seconds
  // before the 80 triangles' 80 breaks are proven.
  const provers = trianglesProvers(80, 30, 60_000);
  try {
    const started = performance.now();
    provers.ready(() => false, 30);
    assert.ok(
      performance.now() - started >= 25,
      'not ready before its model is built: the wait ends at its cap',
    );
    provers.ready(() => false, 40_000);
    const waited = performance.now() - started;
    assert.equal(provers.verdict(), 0, 'the proof came first: the test needs a harder problem');
    assert.ok(waited < 30_000, `waited ${waited} ms`);
    // The first answer is the climbing search's own complete schedule.
    const found = provers.found();
    assert.ok(found, 'the climbing search has posted its first schedule');
    assert.ok(found.breaks >= 80);
    const again = performance.now();
    provers.ready(() => false, 40_000);
    assert.ok(performance.now() - again < 100, 'once ready, it returns at once');
  } finally {
    provers.close();
  }
});

test('takes over the bound and the schedule an earlier search left on the channel', () => {
  // What clasp leaves when its share of the time runs out and our solver carries on in its thread.
  const random = seededRandom(9);
  let takenOver = 0;
  for (let i = 0; i < 40; i++) {
    const problem = tinyProblem(random);
    const expected = bruteForceOptimum(problem);
    if (expected === null) continue;
    const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
    const first = newChannel(problem.meetings.length, false);
    prove(problem, allowed, 0, first, performance.now() + 10_000);
    assert.equal(first[Channel.FOUND_BREAKS], expected, `problem ${i}`);
    // The optimal schedule posted with its proven bound: the next search ends at once, with it.
    const next = newChannel(problem.meetings.length, false);
    next.set(foundSlots(first, problem.meetings.length), Channel.HEADER);
    next[Channel.FOUND_BREAKS] = expected;
    next[Channel.BOUND] = expected;
    prove(problem, allowed, 0, next, performance.now() + 10_000);
    assert.equal(next[Channel.VERDICT], 1, `problem ${i}`);
    assert.deepEqual(foundSlots(next, problem.meetings.length), foundSlots(first, problem.meetings.length));
    takenOver++;
  }
  assert.ok(takenOver > 15, `${takenOver} taken over`);
});

test('takes over a bound another thread proved, without proving it again', () => {
  // 40 triangles cost 40 breaks. The peer's bound and the annealing's schedule are said to be 45, more
  // than the truth: only a bound taken over, not one proven here (which would be 40, with a schedule
  // of 40), explains an optimal verdict at 45.
  const triangles = 40;
  const problem = trianglesProblem(triangles, 6);
  const { meetings } = problem;
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const run = (peerBound: number) => {
    const channel = newChannel(meetings.length, false);
    channel[Channel.HINT_BREAKS] = 45;
    const peer = newChannel(meetings.length, false);
    peer[Channel.BOUND] = peerBound;
    prove(problem, allowed, 0, channel, performance.now() + 10_000, { peers: [peer] });
    return [channel[Channel.VERDICT], channel[Channel.BOUND], channel[Channel.FOUND_BREAKS]];
  };
  assert.deepEqual(run(45), [1, 45, -1]);
  // A peer with a lower bound: this search proves the rest and finds the optimum itself.
  assert.deepEqual(run(10), [1, 40, 40]);
});

test('keeps the table limit beside the participants-per-slot counter when meetings differ in size', () => {
  // One table, two slots, three meetings: no schedule. With a meeting of four, the participants' counter
  // lets four people meet at once, so two pairs would fit one slot: only the table counter forbids it.
  const verdict = (meetings: Meeting[]) => {
    const problem: SchedulingProblem = {
      participants: 8,
      slots: 2,
      morningSlots: 1,
      tables: 1,
      meetings,
      unavailable: Array.from({ length: 8 }, () => []),
      fairness: 2,
    };
    const allowed = meetings.map((m) => allowedSlots(problem, m));
    const channel = newChannel(meetings.length, false);
    prove(problem, allowed, 0, channel, performance.now() + 10_000, { busyBound: 'counter' });
    return channel[Channel.VERDICT];
  };
  const pairs = [{ participants: [0, 1] }, { participants: [2, 3] }, { participants: [4, 5] }];
  assert.equal(verdict(pairs), 2); // pairs only: the participants' counter is the table limit
  assert.equal(verdict([{ participants: [0, 1, 2, 3] }, ...pairs.slice(1)]), 2);
});

/** A generated problem of 40 participants meeting 4 to 8 times each over one day of 10 slots. */
const fortyOnOneDay = (seed: number) =>
  generateProblem({
    participants: 40,
    days: 1,
    slotsPerDay: 10,
    morningSlots: 5,
    minMeetings: 4,
    maxMeetings: 8,
    seed,
  });

test('every clause our solver learns on the model is implied by it, where shrinking resolves long reasons', () => {
  // On the model, propagation chains are long and learnt clauses span many levels, so the shrinking
  // of learnt clauses (sat.ts) does much of its work here, through cardinality reasons, the breaks'
  // counter and the propagators' clauses. One clause in three is checked by a second model whose
  // solver does not shrink: the model and the clause's negation have no solution. (A first version of
  // the shrinking that skipped some of a reason's literals learnt two clauses that fail this.)
  let checked = 0;
  let shrunk = 0;
  for (const seed of [2, 6]) {
    const { problem: generated } = fortyOnOneDay(seed);
    const problem = { ...generated, tables: generated.tables - 1 };
    const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
    const bound = breaksLowerBound(problem, allowed);
    const model = buildModel(problem, allowed, bound, 'counter');
    const learnt: number[][] = [];
    model.solver.onLearnt = (c) => learnt.push([...c]);
    const atMost = model.atMost(bound);
    model.solver.solve(atMost === undefined ? [] : [atMost], () => model.solver.conflicts > 3000);
    shrunk += model.solver.shrunkLits;
    for (const c of learnt.filter((_, i) => i % 3 === 0)) {
      const oracle = buildModel(problem, allowed, bound, 'counter').solver;
      oracle.shrinking = false;
      const answer = oracle.solve(
        c.map((l) => l ^ 1),
        () => oracle.conflicts > 20_000,
      );
      // 'unsat' within the cap, not merely "not sat": an unanswered call would hide a wrong clause.
      assert.equal(answer, 'unsat', `seed ${seed}: learnt clause ${c} is implied by the model`);
      checked++;
    }
  }
  assert.ok(checked > 100, `${checked} learnt clauses checked`);
  assert.ok(shrunk > 1000, `shrinking took ${shrunk} literals out`);
});

test('climbing, the search takes the same path whether or not a schedule is known when it starts', () => {
  // The threads' climbing search asks "any schedule?" to its end even when the annealing's first
  // schedule is already there or arrives meanwhile: its path, and so the schedule it ends with,
  // depends on the problem alone, not on the threads' timing (SCHEDULER.md).
  const { problem, hiddenSlots, hiddenTables } = fortyOnOneDay(4);
  const allowed = problem.meetings.map((m) => allowedSlots(problem, m));
  const bound = breaksLowerBound(problem, allowed);
  const hidden = checkSchedule(problem, hiddenSlots, hiddenTables);
  assert.deepEqual(hidden.violations, []);
  assert.ok(hidden.breaks > bound + 2, `the hint (${hidden.breaks} breaks) is far above the bound ${bound}`);
  const ends = [false, true].map((hinted) => {
    const channel = newChannel(problem.meetings.length, false);
    if (hinted) postHint(channel, hidden.breaks, Int32Array.from(hiddenSlots));
    prove(problem, allowed, bound, channel, performance.now() + 20_000, { search: 'climb' });
    assert.equal(channel[Channel.VERDICT], 1, hinted ? 'with the hint' : 'without it');
    return Array.from(foundSlots(channel, problem.meetings.length));
  });
  assert.deepEqual(ends[1], ends[0]);
});
