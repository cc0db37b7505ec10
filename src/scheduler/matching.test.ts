import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../domain/random.ts';
import { maximumMatching } from './matching.ts';

/** The size of a maximum matching by trying every edge set (small graphs only). */
function bruteForce(edges: [number, number][]): number {
  let best = 0;
  const go = (i: number, used: number, size: number) => {
    best = Math.max(best, size);
    for (let e = i; e < edges.length; e++) {
      const [a, b] = edges[e]!;
      if ((used & (1 << a)) === 0 && (used & (1 << b)) === 0) go(e + 1, used | (1 << a) | (1 << b), size + 1);
    }
  };
  go(0, 0, 0);
  return best;
}

test('maximumMatching finds a maximum matching, through odd cycles too', () => {
  const random = seededRandom(7);
  for (let round = 0; round < 300; round++) {
    const n = 2 + Math.floor(random() * 11);
    const edges: [number, number][] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (random() < 0.3) edges.push([a, b]);
    const adj: number[][] = Array.from({ length: n }, () => []);
    for (const [a, b] of edges) {
      adj[a]!.push(b);
      adj[b]!.push(a);
    }
    const match = maximumMatching(n, adj);
    let size = 0;
    for (let v = 0; v < n; v++) {
      const w = match[v]!;
      if (w === -1) continue;
      assert.equal(match[w], v, 'partners point at each other');
      assert.ok(adj[v]!.includes(w), 'a matched pair is an edge');
      if (v < w) size++;
    }
    assert.equal(size, bruteForce(edges), `graph ${JSON.stringify(edges)}`);
  }
});

test('maximumMatching augments through a blossom that a greedy start gets wrong', () => {
  // A triangle 0-1-2 with a tail on each corner: the greedy start pairs 0-1 and 2-5, and only an
  // augmenting path through the triangle (a blossom) matches 3 and 4.
  const adj = [[1, 2, 3], [0, 2, 4], [0, 1, 5], [0], [1], [2]];
  const match = maximumMatching(6, adj);
  assert.deepEqual([...match], [3, 4, 5, 0, 1, 2]);
});
