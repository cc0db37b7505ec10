import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkSchedule } from './checker.ts';
import { parseProblemJson } from './json-format.ts';
import { solve } from './solve.ts';

test('the JSON example that SCHEDULER.md documents reads as it says, and solves', () => {
  const doc = readFileSync(new URL('./SCHEDULER.md', import.meta.url), 'utf8');
  const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(example, 'SCHEDULER.md holds a JSON example');
  const p = parseProblemJson(example, undefined);
  // 1-based in the file, 0-based once read.
  assert.deepEqual(p.dayLengths, [4, 4]);
  assert.equal(p.morningSlots, 2);
  assert.deepEqual(p.tableOwners, [null, 2]);
  assert.deepEqual(p.meetings[1], { participants: [0, 2, 3], fixedSlot: 5, after: [0] });
  assert.deepEqual(p.unavailable[1], [0, 1]);
  const r = solve(p, { timeLimitSeconds: 5, seed: 1 });
  assert.equal(r.status, 'optimal');
  assert.deepEqual(checkSchedule(p, r.slots, r.tables).violations, []);
  assert.equal(r.slots[1], 5, 'the fixed slot');
  assert.equal(r.tables[1], 1, "the host's table");
  // Morning, participant 2 away in slots 0 and 1, before the fixed meeting: only slot 4 is left.
  assert.equal(r.slots[0], 4);
});
