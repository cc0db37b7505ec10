import { dayOfSlots, type SchedulingProblem } from './problem.ts';

/**
 * The mutable state of the local search: a slot per meeting (-1 = unscheduled) and everything
 * derived from it, kept up to date move by move so that each move costs O(slots) per participant.
 */
export class SearchState {
  readonly P: number;
  readonly S: number;
  readonly M: number;
  readonly day: Int32Array;
  readonly members: Int32Array[];
  readonly hosted: Uint8Array;
  readonly capacity: number;
  readonly predecessors: Int32Array[];
  readonly successors: Int32Array[];
  readonly slot: Int32Array;
  readonly busy: Uint16Array;
  readonly load: Int32Array;
  readonly H: Int32Array;
  /** at[p * S + s]: the meeting of p in slot s (-1 if none; one of them when p is double-booked). */
  readonly at: Int32Array;
  readonly meetingsOf: Int32Array[];
  /** The participants with at least one break, as a set with O(1) add, remove and random pick. */
  readonly broken: number[] = [];
  private readonly brokenAt: Int32Array;
  readonly hHist: Int32Array;
  conflicts = 0;
  overflow = 0;
  precedence = 0;
  breaks = 0;
  /** Total idle slots inside participants' days: a finer measure than breaks that guides the search. */
  idle = 0;
  /** Days, each slots dayStart[d] … dayEnd[d] − 1; breaks and idle slots per participant and day. */
  readonly D: number;
  private readonly dayStart: Int32Array;
  private readonly dayEnd: Int32Array;
  private readonly HD: Int32Array;
  private readonly ID: Int32Array;
  /**
   * Per participant and day, the busy slots as bits (slot dayStart + i is bit i), when every day has
   * at most 31 slots: a day's breaks and idle slots are then a few bit operations instead of a scan of
   * its slots (which took half of the annealing's moves).
   */
  private readonly dayBits: Int32Array | undefined;
  private readonly hasPrecedences: boolean;
  /** Meetings to keep where an earlier schedule had them (-1: no preference), and how many are moved. */
  readonly keepSlot: Int32Array;
  moved = 0;

  constructor(
    readonly problem: SchedulingProblem,
    keepSlots?: number[],
  ) {
    this.P = problem.participants;
    this.S = problem.slots;
    this.M = problem.meetings.length;
    this.day = Int32Array.from(dayOfSlots(problem));
    this.members = problem.meetings.map((m) => Int32Array.from(m.participants));
    const owners = problem.tableOwners ?? [];
    const ownerSet = new Set(owners.filter((o): o is number => o !== null));
    this.hosted = Uint8Array.from(
      problem.meetings.map((m) => (m.participants.some((p) => ownerSet.has(p)) ? 1 : 0)),
    );
    this.capacity = problem.tables - ownerSet.size;
    this.predecessors = problem.meetings.map((m) => Int32Array.from(m.after ?? []));
    const succ: number[][] = problem.meetings.map(() => []);
    problem.meetings.forEach((m, i) => {
      for (const b of m.after ?? []) succ[b]!.push(i);
    });
    this.successors = succ.map((s) => Int32Array.from(s));
    this.slot = new Int32Array(this.M).fill(-1);
    this.busy = new Uint16Array(this.P * this.S);
    this.load = new Int32Array(this.S);
    this.H = new Int32Array(this.P);
    this.D = this.S === 0 ? 0 : this.day[this.S - 1]! + 1;
    this.dayStart = new Int32Array(this.D).fill(this.S);
    this.dayEnd = new Int32Array(this.D);
    this.day.forEach((d, s) => {
      this.dayStart[d] = Math.min(this.dayStart[d]!, s);
      this.dayEnd[d] = s + 1;
    });
    this.HD = new Int32Array(this.P * this.D);
    this.ID = new Int32Array(this.P * this.D);
    const longest = this.dayEnd.reduce((n, end, d) => Math.max(n, end - this.dayStart[d]!), 0);
    this.dayBits = longest <= 31 ? new Int32Array(this.P * this.D) : undefined;
    this.hasPrecedences = problem.meetings.some((m) => (m.after ?? []).length > 0);
    this.brokenAt = new Int32Array(this.P).fill(-1);
    this.at = new Int32Array(this.P * this.S).fill(-1);
    const of: number[][] = Array.from({ length: this.P }, () => []);
    problem.meetings.forEach((m, i) => {
      for (const p of m.participants) of[p]!.push(i);
    });
    this.meetingsOf = of.map((list) => Int32Array.from(list));
    this.hHist = new Int32Array(this.S + 1);
    this.hHist[0] = this.P;
    this.keepSlot = Int32Array.from(keepSlots ?? new Array(this.M).fill(-1));
    // Every kept meeting starts unplaced, hence away from its slot: moves count down as they go back.
    this.moved = this.keepSlot.reduce((n, s) => n + (s >= 0 ? 1 : 0), 0);
  }

  /** Breaks of p in day d, counted again from p's slots that day. */
  private refreshDay(p: number, d: number): void {
    const k = p * this.D + d;
    let h = 0;
    let idle = 0;
    const bits = this.dayBits?.[k];
    if (bits !== undefined) {
      if (bits !== 0) {
        // Runs of busy slots: bits whose lower neighbour is clear; idle: the span's clear bits.
        h = bitCount(bits & ~(bits << 1)) - 1;
        idle = 32 - Math.clz32(bits) - (31 - Math.clz32(bits & -bits)) - bitCount(bits);
      }
    } else {
      const row = p * this.S;
      const end = this.dayEnd[d]!;
      let last = -1;
      for (let s = this.dayStart[d]!; s < end; s++) {
        if (this.busy[row + s] === 0) continue;
        if (last >= 0 && s - last > 1) {
          h++;
          idle += s - last - 1;
        }
        last = s;
      }
    }
    this.idle += idle - this.ID[k]!;
    this.ID[k] = idle;
    const dh = h - this.HD[k]!;
    if (dh === 0) return;
    this.HD[k] = h;
    const old = this.H[p]!;
    const now = old + dh;
    this.hHist[old]!--;
    this.hHist[now]!++;
    this.H[p] = now;
    if (old === 0) {
      this.brokenAt[p] = this.broken.length;
      this.broken.push(p);
    } else if (now === 0) {
      const last = this.broken.pop()!;
      if (last !== p) {
        this.broken[this.brokenAt[p]!] = last;
        this.brokenAt[last] = this.brokenAt[p]!;
      }
      this.brokenAt[p] = -1;
    }
    this.breaks += dh;
  }

  /** Slot s became busy or idle for p: its day's bit, then the day's breaks. */
  private setDayBit(p: number, s: number, busy: boolean): void {
    const d = this.day[s]!;
    if (this.dayBits) {
      const k = p * this.D + d;
      const bit = 1 << (s - this.dayStart[d]!);
      this.dayBits[k] = busy ? this.dayBits[k]! | bit : this.dayBits[k]! & ~bit;
    }
    this.refreshDay(p, d);
  }

  private precedenceViolations(m: number): number {
    if (!this.hasPrecedences) return 0;
    const s = this.slot[m]!;
    let v = 0;
    if (s < 0) {
      // An unscheduled meeting leaves every scheduled successor without its predecessor.
      for (const c of this.successors[m]!) if (this.slot[c]! >= 0) v++;
      return v;
    }
    for (const b of this.predecessors[m]!) if (this.slot[b]! < 0 || this.slot[b]! >= s) v++;
    for (const c of this.successors[m]!) if (this.slot[c]! >= 0 && this.slot[c]! <= s) v++;
    return v;
  }

  /** Moves meeting m to slot t (-1 to unschedule), updating every derived count. */
  move(m: number, t: number): void {
    const s = this.slot[m]!;
    if (s === t) return;
    this.precedence -= this.precedenceViolations(m);
    const members = this.members[m]!;
    if (s >= 0) {
      for (const p of members) {
        const i = p * this.S + s;
        if (this.busy[i]! > 1) this.conflicts--;
        this.busy[i]!--;
        if (this.at[i] === m) this.at[i] = this.busy[i]! > 0 ? this.otherMeetingAt(p, s, m) : -1;
        if (this.busy[i] === 0) this.setDayBit(p, s, false);
      }
      if (this.hosted[m] === 0) {
        if (this.load[s]! > this.capacity) this.overflow--;
        this.load[s]!--;
      }
    }
    if (this.keepSlot[m]! >= 0)
      this.moved += (t !== this.keepSlot[m] ? 1 : 0) - (s !== this.keepSlot[m] ? 1 : 0);
    this.slot[m] = t;
    if (t >= 0) {
      for (const p of members) {
        const i = p * this.S + t;
        if (this.busy[i]! >= 1) this.conflicts++;
        this.busy[i]!++;
        this.at[i] = m;
        if (this.busy[i] === 1) this.setDayBit(p, t, true);
      }
      if (this.hosted[m] === 0) {
        this.load[t]!++;
        if (this.load[t]! > this.capacity) this.overflow++;
      }
    }
    this.precedence += this.precedenceViolations(m);
  }

  private otherMeetingAt(p: number, s: number, except: number): number {
    for (const x of this.meetingsOf[p]!) if (x !== except && this.slot[x] === s) return x;
    return -1;
  }

  /** The fewest breaks any participant has (from the histogram of breaks per participant). */
  fewestBreaks(): number {
    let h = 0;
    while (h < this.S && this.hHist[h] === 0) h++;
    return h;
  }

  fairnessExcess(): number {
    const min = this.fewestBreaks();
    let max = this.S;
    while (max > 0 && this.hHist[max] === 0) max--;
    return Math.max(0, max - min - this.problem.fairness);
  }

  /** Hard-constraint violations (0 = a valid schedule of the meetings placed). */
  violations(): number {
    return this.conflicts + this.overflow + this.precedence + this.fairnessExcess();
  }
}

/** Whether a comes before b in lexicographic order (ranks of schedules: smaller is better). */
export function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** The number of set bits of a 32-bit integer. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}
