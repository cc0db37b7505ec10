import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProblemFormatError, parseDzn } from './dzn.ts';

const SMALL = `nBusiness = 3;
nMeetings = 2;
nTables = 1;
nTotalSlots = 4; % slots
nMorningSlots = 2;
requested = [|1, 2,1,
|2, 3,3,
|];
forbidden = [{0}, {0,4}, {0}];
fixed = [0,3];
precedences = [{}, {1}];
`;

test('reads the benchmark format into a 0-based problem', () => {
  const p = parseDzn(SMALL, 2);
  assert.equal(p.participants, 3);
  assert.equal(p.slots, 4);
  assert.equal(p.morningSlots, 2);
  assert.deepEqual(p.meetings, [
    { participants: [0, 1], session: 'morning' },
    { participants: [1, 2], session: 'any', fixedSlot: 2, after: [0] },
  ]);
  assert.deepEqual(p.unavailable, [[], [3], []]);
  assert.equal(p.fairness, 2);
});

test('a malformed file names the line or the field', () => {
  const cases: [string, RegExp][] = [
    [SMALL.replace('nTables = 1;', 'nTables = one;'), /line 3: expected a number/],
    [SMALL.replace('nMeetings = 2;\n', ''), /field nMeetings is missing/],
    [SMALL.replace('|2, 3,3,', '|2, 9,3,'), /meeting 2 names participant 9/],
    [SMALL.replace('fixed = [0,3];', 'fixed = [0,7];'), /fixed slot of meeting 2/],
    [
      SMALL.replace('forbidden = [{0}, {0,4}, {0}];', 'forbidden = [{0}, {0,4}];'),
      /forbidden must list 3 entries/,
    ],
    [SMALL.replace('nMorningSlots = 2;', 'nMorningSlots = 2'), /expected ";"/],
    [SMALL.replace('precedences = [{}, {1}];', 'precedences = [{}, {1}]; @'), /unexpected character "@"/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseDzn(text, 2),
      (err: unknown) => err instanceof ProblemFormatError && message.test(err.message),
    );
  }
});
