/**
 * Maximum matching in a general graph (Edmonds' blossom algorithm), for the small graphs of one
 * slot's meetings (SCHEDULER.md, "Slots' matchings"). Vertices 0 … n − 1, `adj` their neighbours.
 * Returns the partner of each vertex (−1: unmatched). With `enough`, it may stop once that many
 * pairs are matched (a matching that large, not necessarily a maximum one).
 */
export function maximumMatching(n: number, adj: ArrayLike<number>[], enough = n): Int32Array {
  const match = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n);
  const base = new Int32Array(n);
  const used = new Uint8Array(n);
  const inBlossom = new Uint8Array(n);
  const onPath = new Uint8Array(n);
  const queue = new Int32Array(n);

  // A greedy start: most vertices are then matched without a search.
  let pairs = 0;
  for (let v = 0; v < n; v++) {
    if (match[v] !== -1) continue;
    const nb = adj[v]!;
    for (let i = 0; i < nb.length; i++) {
      const w = nb[i]!;
      if (w !== v && match[w] === -1) {
        match[v] = w;
        match[w] = v;
        pairs++;
        break;
      }
    }
  }

  const commonBase = (a: number, b: number): number => {
    onPath.fill(0);
    for (;;) {
      a = base[a]!;
      onPath[a] = 1;
      if (match[a] === -1) break;
      a = parent[match[a]!]!;
    }
    for (;;) {
      b = base[b]!;
      if (onPath[b] === 1) return b;
      b = parent[match[b]!]!;
    }
  };
  const markPath = (v: number, b: number, child: number) => {
    while (base[v] !== b) {
      inBlossom[base[v]!] = 1;
      inBlossom[base[match[v]!]!] = 1;
      parent[v] = child;
      child = match[v]!;
      v = parent[match[v]!]!;
    }
  };
  /** The free vertex an alternating path from `root` reaches (parents set along it), or −1. */
  const augmentingEnd = (root: number): number => {
    used.fill(0);
    parent.fill(-1);
    for (let i = 0; i < n; i++) base[i] = i;
    used[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++]!;
      const nb = adj[v]!;
      for (let i = 0; i < nb.length; i++) {
        const to = nb[i]!;
        if (base[v] === base[to] || match[v] === to) continue;
        if (to === root || (match[to] !== -1 && parent[match[to]!] !== -1)) {
          const b = commonBase(v, to);
          inBlossom.fill(0);
          markPath(v, b, to);
          markPath(to, b, v);
          for (let u = 0; u < n; u++) {
            if (inBlossom[base[u]!] === 0) continue;
            base[u] = b;
            if (used[u] === 0) {
              used[u] = 1;
              queue[tail++] = u;
            }
          }
        } else if (parent[to] === -1) {
          parent[to] = v;
          if (match[to] === -1) return to;
          used[match[to]!] = 1;
          queue[tail++] = match[to]!;
        }
      }
    }
    return -1;
  };

  for (let root = 0; root < n && pairs < enough; root++) {
    if (match[root] !== -1) continue;
    let v = augmentingEnd(root);
    if (v !== -1) pairs++;
    while (v !== -1) {
      const pv = parent[v]!;
      const next = match[pv]!;
      match[v] = pv;
      match[pv] = v;
      v = next;
    }
  }
  return match;
}
