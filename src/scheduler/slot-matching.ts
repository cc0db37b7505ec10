import { maximumMatching } from './matching.ts';
import { neg, type Propagator, type SatSolver } from './sat.ts';
import { grown } from './typed-arrays.ts';

/** A meeting of two participants that may take place in a slot, and its meeting-in-slot literal there. */
export interface SlotPair {
  a: number;
  b: number;
  x: number;
}

/**
 * The seats a slot's busy participants need (SCHEDULER.md, "Slots' matchings"), for files whose
 * meetings are all pairs. Every participant busy at a shared table (not a host, and with every
 * meeting at a host's table ruled out in that slot: `atHosts`) sits there with one partner. So if B
 * are so in slot t and at most ν of their pairs can meet among themselves there (a maximum matching
 * of the meetings between them still allowed in t), the others each bring a partner from outside B:
 * the shared tables seat at least 2|B| − 2ν. More than their `seats` is a conflict, explained by B's
 * busy literals, their meetings at hosts' tables and the meetings among B already ruled out in t.
 * The participants' counter only sees this once the partners are busy too; on the table-tight files
 * the slots around lunch are full to the seat with participants who must be there, and this tells
 * the search at once.
 */
export function slotMatchingPropagator(
  solver: SatSolver,
  busyOf: number[][],
  pairsAt: SlotPair[][],
  seats: number,
  FALSE: number,
  /** Per participant and slot, the literals of their meetings there at a host's table. */
  atHosts: number[][][] = [],
): Propagator {
  const P = busyOf.length;
  const S = pairsAt.length;
  // Per literal: the slot where it makes a participant busy, or (false meeting literals) rules out a pair.
  const busyIn = new Int32Array(2 * solver.variables).fill(-1);
  /** How many participants a literal makes busy (two when it is their one meeting in the slot). */
  const busyWeight = new Int32Array(2 * solver.variables);
  const ruledOutIn = new Int32Array(2 * solver.variables).fill(-1);
  for (let p = 0; p < P; p++)
    for (let t = 0; t < S; t++) {
      const l = busyOf[p]![t]!;
      if (l === FALSE) continue;
      busyIn[l] = t;
      busyWeight[l]!++;
    }
  for (let t = 0; t < S; t++) for (const { x } of pairsAt[t]!) ruledOutIn[neg(x)] = t;
  atHosts.forEach((slots) => {
    slots.forEach((lits, t) => {
      for (const x of lits) ruledOutIn[neg(x)] = t;
    });
  });
  const dirty = new Uint8Array(S);
  const index = new Int32Array(P).fill(-1);
  // Busy participants per slot, kept in step with the trail: the trail positions of the busy
  // literals counted so far (a stack), undone when the solver backtracks below them.
  const busyCount = new Int32Array(S);
  let countedPos: Int32Array = new Int32Array(1024);
  let countedLit: Int32Array = new Int32Array(1024);
  let counted = 0;

  /** Per slot, the pairs of the last matching that showed the slot's busy participants fit. */
  const witness: SlotPair[][] = Array.from({ length: S }, () => []);
  /** Busy in t at a shared table, as far as the assignment tells. */
  const seated = (p: number, t: number) => {
    const l = busyOf[p]![t]!;
    if (l === FALSE || solver.litValue(l) !== 1) return false;
    for (const x of atHosts[p]?.[t] ?? []) if (solver.litValue(x) !== -1) return false;
    return true;
  };

  /**
   * 2|B| − 2ν for the kept busy participants, with the meetings among them that are not ruled out
   * (or in `also`); with `found`, the matched pairs are written into it.
   */
  const seatsNeeded = (
    t: number,
    busy: number[],
    kept: Uint8Array,
    also?: Set<number>,
    found?: SlotPair[],
  ): number => {
    let size = 0;
    for (let i = 0; i < busy.length; i++) size += kept[i]!;
    const adj: number[][] = busy.map(() => []);
    const via: SlotPair[][] = busy.map(() => []);
    for (const pair of pairsAt[t]!) {
      const i = index[pair.a]!;
      const j = index[pair.b]!;
      if (i < 0 || j < 0 || kept[i] === 0 || kept[j] === 0) continue;
      if (solver.litValue(pair.x) !== -1 || also?.has(pair.x)) {
        adj[i]!.push(j);
        adj[j]!.push(i);
        via[i]!.push(pair);
        via[j]!.push(pair);
      }
    }
    // Enough pairs to fit in the seats is all that matters (the need is then at most the seats).
    const match = maximumMatching(busy.length, adj, size - Math.floor(seats / 2));
    let need = 0;
    for (let i = 0; i < busy.length; i++) {
      if (kept[i] === 0) continue;
      need += match[i] === -1 ? 2 : 1;
      if (found !== undefined && match[i]! > i) found.push(via[i]![adj[i]!.indexOf(match[i]!)]!);
    }
    return need;
  };

  const check = (t: number): number[] | undefined => {
    // The last witness often still shows that enough pairs meet among the busy participants.
    let still = 0;
    for (const { a, b, x } of witness[t]!)
      if (solver.litValue(x) !== -1 && seated(a, t) && seated(b, t)) still++;
    if (still >= busyCount[t]! - Math.floor(seats / 2)) return undefined;
    const busy: number[] = [];
    for (let p = 0; p < P; p++) {
      if (seated(p, t)) {
        index[p] = busy.length;
        busy.push(p);
      }
    }
    try {
      if (2 * busy.length <= seats) return undefined;
      const kept = new Uint8Array(busy.length).fill(1);
      const found: SlotPair[] = [];
      if (seatsNeeded(t, busy, kept, undefined, found) <= seats) {
        witness[t] = found;
        return undefined;
      }
      // A smaller explanation: leave out each participant (latest assigned first) while too many
      // seats are still needed without them, then each ruled-out meeting that is not needed.
      const order = [...busy.keys()].sort(
        (i, j) => solver.levelOf(busyOf[busy[j]!]![t]!) - solver.levelOf(busyOf[busy[i]!]![t]!),
      );
      for (const i of order) {
        kept[i] = 0;
        if (seatsNeeded(t, busy, kept) <= seats) kept[i] = 1;
      }
      const clause: number[] = [];
      busy.forEach((p, i) => {
        if (kept[i] === 0) return;
        clause.push(neg(busyOf[p]![t]!));
        for (const x of atHosts[p]?.[t] ?? []) clause.push(x);
      });
      const allowedToo = new Set<number>();
      for (const { a, b, x } of pairsAt[t]!) {
        const i = index[a]!;
        const j = index[b]!;
        if (i < 0 || j < 0 || kept[i] === 0 || kept[j] === 0 || solver.litValue(x) !== -1) continue;
        allowedToo.add(x);
        if (seatsNeeded(t, busy, kept, allowedToo) <= seats) {
          allowedToo.delete(x);
          clause.push(x);
        }
      }
      return clause;
    } finally {
      for (const p of busy) index[p] = -1;
    }
  };

  return (from: number) => {
    while (counted > 0 && countedPos[counted - 1]! >= from) {
      counted--;
      const l = countedLit[counted]!;
      busyCount[busyIn[l]!]! -= busyWeight[l]!;
    }
    const size = solver.trailSize;
    for (let i = from; i < size; i++) {
      const l = solver.trailAt(i);
      const t = busyIn[l]!;
      if (t >= 0) {
        if (counted === countedPos.length) {
          countedPos = grown(countedPos, 2 * counted);
          countedLit = grown(countedLit, 2 * counted);
        }
        countedPos[counted] = i;
        countedLit[counted++] = l;
        busyCount[t]! += busyWeight[l]!;
        dirty[t] = 1;
      } else if (ruledOutIn[l]! >= 0) dirty[ruledOutIn[l]!] = 1;
    }
    for (let t = 0; t < S; t++) {
      if (dirty[t] === 0) continue;
      if (2 * busyCount[t]! <= seats) {
        dirty[t] = 0;
        continue;
      }
      const clause = check(t);
      if (clause !== undefined) return clause;
      dirty[t] = 0;
    }
    return undefined;
  };
}
