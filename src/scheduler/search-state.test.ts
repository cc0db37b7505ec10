import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { generateProblem } from './generate.ts';
import { SearchState } from './search-state.ts';

/** Breaks and idle slots per participant, counted from the slots alone (double bookings count once). */
function recount(state: SearchState): { H: number[]; idle: number } {
  const { problem, slot } = state;
  const busy = Array.from({ length: problem.participants }, () => new Set<number>());
  problem.meetings.forEach((m, i) => {
    if (slot[i]! >= 0) for (const p of m.participants) busy[p]!.add(slot[i]!);
  });
  const perDay = problem.dayLengths![0]!;
  let idle = 0;
  const H = busy.map((set) => {
    const sorted = [...set].sort((a, b) => a - b);
    let h = 0;
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      if (Math.floor(a / perDay) === Math.floor(b / perDay) && b - a > 1) {
        h++;
        idle += b - a - 1;
      }
    }
    return h;
  });
  return { H, idle };
}

// Days of 6 and 31 slots keep each day's busy slots as bits (31 is the most, its last slot the top
// bit), a day of 40 slots is counted slot by slot.
for (const [days, slotsPerDay] of [
  [3, 6],
  [2, 31],
  [1, 40],
] as const)
  test(`the search state keeps breaks, idle slots and the broken set right through thousands of moves (${days} days of ${slotsPerDay} slots)`, () => {
    const { problem } = generateProblem({
      participants: 40,
      days,
      slotsPerDay,
      morningSlots: 3,
      minMeetings: 2,
      maxMeetings: slotsPerDay > 6 ? 12 : 5,
      seed: 7,
    });
    const state = new SearchState(problem);
    const random = seededRandom(3);
    for (let step = 0; step < 5000; step++) {
      const m = Math.floor(random() * state.M);
      // Any slot of any day, or out of the schedule: double bookings and moves across days included.
      state.move(m, Math.floor(random() * (state.S + 1)) - 1);
      if (step % 50 !== 0) continue;
      const { H, idle } = recount(state);
      assert.deepEqual(Array.from(state.H), H, `breaks per participant after move ${step}`);
      assert.equal(
        state.breaks,
        H.reduce((a, b) => a + b, 0),
      );
      assert.equal(state.idle, idle);
      assert.deepEqual(
        [...state.broken].sort((a, b) => a - b),
        H.flatMap((h, p) => (h > 0 ? [p] : [])),
      );
      for (let h = 0; h <= state.S; h++) assert.equal(state.hHist[h], H.filter((x) => x === h).length);
    }
  });
