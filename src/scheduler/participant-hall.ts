import { neg, type Propagator, type SatSolver } from './sat.ts';

/**
 * Each participant's meetings need distinct slots (SCHEDULER.md, "Participants' Hall sets"): if k
 * meetings of one participant can only go to fewer than k slots between them, no schedule is left.
 * Unit propagation does not see it (a pigeonhole, which resolution learns slowly), so this check
 * keeps, per participant with three meetings or more, a matching of their meetings to distinct slots
 * still open to them, repaired by augmenting paths when a matched slot is ruled out. A meeting that
 * cannot be matched is a conflict, learnt as the Hall set's clause: one of the meetings the failed
 * search visited takes a slot outside the (fewer) slots they reach between them.
 * `slotsOf[m]` and `litsOf[m]` give meeting m's allowed slots and its meeting-in-slot literals there.
 */
export function participantHallPropagator(
  solver: SatSolver,
  meetingsOf: number[][],
  slotsOf: number[][],
  litsOf: number[][],
  slots: number,
): Propagator {
  const watched = meetingsOf.map((own, p) => (own.length >= 3 ? p : -1)).filter((p) => p >= 0);
  /** Per literal: the meeting it rules out of a slot (when false), else −1. */
  const meetingOf = new Int32Array(2 * solver.variables).fill(-1);
  litsOf.forEach((lits, m) => {
    for (const x of lits) meetingOf[neg(x)] = m;
  });
  const participantsOf: number[][] = slotsOf.map(() => []);
  for (const p of watched) for (const m of meetingsOf[p]!) participantsOf[m]!.push(p);
  const dirty = new Uint8Array(meetingsOf.length);
  /** Per participant, the slot (by position in the meeting's list) their matching gives each meeting, or −1. */
  const matched = meetingsOf.map((own) => new Int32Array(own.length).fill(-1));
  /** Per slot, the meeting (by position in the participant's list) matched to it, or −1. */
  const owner = new Int32Array(slots);
  const seen = new Uint8Array(slots);
  const open = (m: number, i: number) => solver.litValue(litsOf[m]![i]!) !== -1;

  const check = (p: number): number[] | undefined => {
    const own = meetingsOf[p]!;
    const match = matched[p]!;
    owner.fill(-1);
    for (let k = 0; k < own.length; k++) {
      const i = match[k]!;
      if (i >= 0 && open(own[k]!, i)) owner[slotsOf[own[k]!]![i]!] = k;
      else match[k] = -1;
    }
    const visited: number[] = [];
    const augment = (k: number): boolean => {
      const m = own[k]!;
      visited.push(m);
      const ss = slotsOf[m]!;
      for (let i = 0; i < ss.length; i++) {
        const t = ss[i]!;
        if (seen[t] || !open(m, i)) continue;
        seen[t] = 1;
        if (owner[t]! < 0 || augment(owner[t]!)) {
          owner[t] = k;
          match[k] = i;
          return true;
        }
      }
      return false;
    };
    for (let k = 0; k < own.length; k++) {
      if (match[k]! >= 0) continue;
      seen.fill(0);
      visited.length = 0;
      if (augment(k)) continue;
      // The meetings visited reach only the slots seen, one fewer than they are.
      const clause: number[] = [];
      for (const m of visited)
        slotsOf[m]!.forEach((t, i) => {
          if (!seen[t]) clause.push(litsOf[m]![i]!);
        });
      return clause;
    }
    return undefined;
  };

  return (from: number) => {
    const size = solver.trailSize;
    for (let i = from; i < size; i++) {
      const m = meetingOf[solver.trailAt(i)]!;
      if (m >= 0) for (const p of participantsOf[m]!) dirty[p] = 1;
    }
    for (const p of watched) {
      if (dirty[p] === 0) continue;
      const clause = check(p);
      if (clause !== undefined) return clause;
      dirty[p] = 0;
    }
    return undefined;
  };
}
