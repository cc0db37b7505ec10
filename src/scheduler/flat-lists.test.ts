import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { FlatLists } from './flat-lists.ts';

const read = (lists: FlatLists, key: number) =>
  Array.from(lists.data.subarray(lists.head[2 * key]!, lists.head[2 * key]! + lists.head[2 * key + 1]!));

test('FlatLists keeps every list intact through pushes that move and grow, shrinking and compaction', () => {
  const random = seededRandom(7);
  const lists = new FlatLists();
  const expected: number[][] = [];
  for (let k = 0; k < 300; k++) {
    assert.equal(lists.add(), k);
    expected.push([]);
  }
  for (let round = 0; round < 4; round++) {
    // Pushes in random order, so that lists move past each other and the array grows several times.
    for (let i = 0; i < 20_000; i++) {
      const key = Math.floor(random() * expected.length);
      if (random() < 0.5) {
        lists.push(key, i);
        expected[key]!.push(i);
      } else {
        lists.push2(key, i, -1 - i);
        expected[key]!.push(i, -1 - i);
      }
    }
    const check = (when: string) => {
      for (const [key, want] of expected.entries())
        assert.deepEqual(read(lists, key), want, `list ${key}, ${when}`);
    };
    check(`round ${round}`);
    // Shrinks every list in place (as the solver drops watches), then packs them.
    expected.forEach((want, key) => {
      const keep = Math.floor(want.length / 3);
      want.length = keep;
      lists.head[2 * key + 1] = keep;
    });
    const before = lists.data.length;
    lists.compactIfWasteful();
    assert.ok(lists.data.length <= before, 'compaction never needs a larger array');
    check('after compaction');
  }
  // A list added after compaction starts empty and grows like the others.
  const late = lists.add();
  assert.deepEqual(read(lists, late), []);
  lists.push2(late, 1, 2);
  lists.push(late, 3);
  assert.deepEqual(read(lists, late), [1, 2, 3]);
});
