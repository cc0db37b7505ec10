/**
 * A CDCL SAT solver with native "at most k" constraints, written for the scheduler's exact search:
 * two watched literals, binary implications apart, 1-UIP learning with recursive minimization and
 * all-UIP shrinking,
 * VSIDS, phase saving, Luby restarts and clause-database reduction by LBD, and an optional propagator
 * that adds implied clauses once unit propagation is done (the slots' matchings). Incremental: clauses may
 * be added and cardinality bounds tightened between calls, and every learnt clause stays valid
 * because both only remove solutions.
 *
 * Clauses live in one arena (an Int32Array, compacted when half of it is freed); watch lists, binary
 * implications and cardinality occurrences are segments of one typed array each (`FlatLists`):
 * propagation, where the time goes, reads flat memory only.
 *
 * Literals: variable v (0-based) is 2v when true and 2v + 1 when false.
 */
import { seededRandom } from '../domain/random.ts';
import { FlatLists } from './flat-lists.ts';
import { grown } from './typed-arrays.ts';

export type SatAnswer = 'sat' | 'unsat' | 'unknown';

/**
 * A check run each time unit propagation is done, given the first trail position that changed since
 * its last run: it returns a clause that the current assignment falsifies or makes unit (learnt like
 * any other, so it must be implied by the formula), or undefined.
 */
export type Propagator = (from: number) => number[] | undefined;

/** Several propagators run in turn, each from the first trail position it has not seen; the first clause returned. */
export function inTurn(solver: SatSolver, propagators: Propagator[]): Propagator {
  if (propagators.length === 1) return propagators[0]!;
  const unseen = propagators.map(() => 0);
  return (from) => {
    for (let i = 0; i < propagators.length; i++) {
      const start = Math.min(from, unseen[i]!);
      unseen[i] = solver.trailSize;
      const clause = propagators[i]!(start);
      if (clause !== undefined) {
        // The later ones have not seen the trail from `from` on.
        for (let j = i + 1; j < propagators.length; j++) unseen[j] = Math.min(unseen[j]!, from);
        return clause;
      }
    }
    return undefined;
  };
}

/**
 * How much of its activity a variable keeps per conflict (MiniSat's 0.95). Faster decay, more focus on
 * the latest conflicts: on the table-tight files' bound questions, half the conflicts (EXPERIMENTS.md).
 */
const VAR_DECAY = 0.85;

const NONE = 0;
const CLAUSE = 1;
const BINARY = 2;
const CARD = 3;

/** A clause in the arena: its size, flags (bit 0 learnt) with its LBD above, its activity, then its literals. */
const SIZE = 0;
const FLAGS = 1;
const ACTIVITY = 2;
const HEADER = 3;
const LEARNT = 1;

/** propagate() found no conflict, or a conflict whose literals are in `conflictLits`. */
const NO_CONFLICT = -1;
const LITS_CONFLICT = -2;

export const lit = (v: number, positive = true) => 2 * v + (positive ? 0 : 1);
export const neg = (l: number) => l ^ 1;

export class SatSolver {
  private nVars = 0;
  private capacity = 0;
  private val = new Int8Array(0);
  private level = new Int32Array(0);
  private reasonKind = new Int8Array(0);
  private reasonData = new Int32Array(0);
  private trailPos = new Int32Array(0);
  private activity = new Float64Array(0);
  private phase = new Int8Array(0);
  private seen = new Uint8Array(0);
  private heap = new Int32Array(0);
  private heapIndex = new Int32Array(0);
  private heapSize = 0;
  private trail = new Int32Array(0);
  private trailLen = 0;
  private qhead = 0;
  private trailLim: number[] = [];
  /** Per literal: pairs (clause ref, blocker) of the clauses watching it. */
  private watches = new FlatLists();
  /** Per literal: the literals its binary clauses imply. */
  private implies = new FlatLists();
  /** Per literal: the cardinality constraints it occurs in. */
  private cardOcc = new FlatLists();
  private mem = new Int32Array(1 << 16);
  private memF = new Float32Array(this.mem.buffer);
  private memTop = 0;
  private wasted = 0;
  private problemClauses: number[] = [];
  private learnts: number[] = [];
  private conflictLits: number[] = [];
  /** Scratch for one reason's literals (a reason never has more literals than there are variables). */
  private lits = new Int32Array(0);
  private levelStamp = new Int32Array(0);
  private stamp = 0;
  private cardLits: Int32Array[] = [];
  private cardK: Int32Array = new Int32Array(16);
  private cardCount: Int32Array = new Int32Array(16);
  private varInc = 1;
  /** Restarts so far, over all calls. */
  restarts = 0;
  /**
   * The restarts (Luby's sequence) and clause-database reductions go on from one call to the next,
   * as in one long call. When each call started the sequence again, a search cut into calls of
   * growing budgets restarted every hundred conflicts at the start of each call, and needed a median
   * 100,000 conflicts instead of 63,000 to find forum-13crafb's schedule at its bound (EXPERIMENTS.md).
   */
  private restartBudget = luby(0) * 100;
  private nextReduce = 4000;
  private clauseInc = 1;
  private ok = true;
  private model = new Int8Array(0);
  private propagator: Propagator | undefined;
  /** The first trail position the propagator has not seen. */
  private propagatorFrom = 0;
  conflicts = 0;
  /** Clauses the propagator gave. */
  propagatorClauses = 0;
  /** How many times the clause arena was compacted (after learnt clauses were dropped). */
  compactions = 0;
  decisions = 0;
  propagations = 0;
  /** Literals that all-UIP shrinking took out of learnt clauses. */
  shrunkLits = 0;
  /** Whether learnt clauses are shrunk (see shrink); off only to compare, or for a second opinion in tests. */
  shrinking = true;
  /** Told each clause that conflict analysis learns (for tests that check it is implied). */
  onLearnt: ((clause: readonly number[]) => void) | undefined;
  private shrinkMark = new Uint8Array(0);

  newVar(): number {
    if (this.nVars === this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    const v = this.nVars++;
    this.heapIndex[v] = -1;
    this.phase[v] = 1; // false first: most meeting-in-slot variables are false
    for (const lists of [this.watches, this.implies, this.cardOcc]) {
      lists.add();
      lists.add();
    }
    this.heapInsert(v);
    return v;
  }

  /**
   * A different first branching order for the same formula (a tiny random activity per variable,
   * soon outweighed by what conflicts add): two searches on one question then go different ways.
   * Before the first call.
   */
  shuffleOrder(seed: number) {
    const random = seededRandom(seed);
    for (let v = 0; v < this.nVars; v++) this.activity[v] = random() * 1e-3;
    for (let i = (this.heapSize >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** False once the formula itself (not only the last assumptions) is known unsatisfiable. */
  get consistent(): boolean {
    return this.ok;
  }

  get variables(): number {
    return this.nVars;
  }

  value(v: number): boolean {
    return this.model[v] === 1;
  }

  /** During search (for a propagator): 1 true, −1 false, 0 unassigned. */
  litValue(l: number): number {
    return this.val[l]!;
  }

  /** During search: the decision level of an assigned literal's variable (0: fixed for good). */
  levelOf(l: number): number {
    return this.level[l >> 1]!;
  }

  /** During search: the number of assigned literals, and the i-th in assignment order. */
  get trailSize(): number {
    return this.trailLen;
  }

  trailAt(i: number): number {
    return this.trail[i]!;
  }

  setPropagator(propagator: Propagator) {
    this.propagator = propagator;
    this.propagatorFrom = 0;
  }

  /** Adds a clause at decision level 0. Returns false once the formula is known unsatisfiable. */
  addClause(input: ArrayLike<number>): boolean {
    if (!this.ok) return false;
    this.backtrack(0);
    const lits: number[] = [];
    for (let i = 0; i < input.length; i++) {
      const l = input[i]!;
      if (this.val[l] === 1 || lits.includes(l ^ 1)) return true; // satisfied or tautology
      if (this.val[l] === -1 || lits.includes(l)) continue;
      lits.push(l);
    }
    if (lits.length === 0) {
      this.ok = false;
      return false;
    }
    if (lits.length === 1) {
      this.enqueue(lits[0]!, NONE, 0);
      this.ok = this.propagate() === NO_CONFLICT;
      return this.ok;
    }
    this.attach(lits, false);
    return true;
  }

  /** At most k of lits true; returns its index, for tightening k later. */
  addAtMost(lits: number[], k: number): number {
    this.backtrack(0);
    const ci = this.cardLits.length;
    this.cardLits.push(Int32Array.from(lits));
    if (ci === this.cardK.length) {
      this.cardK = grown(this.cardK, 2 * ci);
      this.cardCount = grown(this.cardCount, 2 * ci);
    }
    this.cardK[ci] = k;
    let count = 0;
    for (const l of lits) {
      this.cardOcc.push(l, ci);
      if (this.val[l] === 1) count++;
    }
    this.cardCount[ci] = count;
    this.recheckCard(ci);
    return ci;
  }

  /** Lowers a cardinality bound (never raises it: learnt clauses would no longer be implied). */
  tighten(ci: number, k: number) {
    if (k > this.cardK[ci]!) throw new Error('a cardinality bound may only be lowered');
    this.backtrack(0);
    this.cardK[ci] = k;
    this.recheckCard(ci);
  }

  private recheckCard(ci: number) {
    if (!this.ok) return;
    const k = this.cardK[ci]!;
    if (this.cardCount[ci]! > k) {
      this.ok = false;
      return;
    }
    if (this.cardCount[ci] === k)
      for (const l of this.cardLits[ci]!) if (this.val[l] === 0) this.enqueue(l ^ 1, NONE, 0);
    if (this.propagate() !== NO_CONFLICT) this.ok = false;
  }

  /**
   * Searches for a model under the assumptions until `stop()` says to give up (asked every few
   * hundred conflicts). 'unsat' under assumptions does not make the solver unusable.
   */
  solve(assumptions: number[] = [], stop: () => boolean = () => false): SatAnswer {
    this.failed = [];
    if (!this.ok) return 'unsat';
    this.backtrack(0);
    if (this.propagate() !== NO_CONFLICT) {
      this.ok = false;
      return 'unsat';
    }
    let nextCheck = this.conflicts + 100;
    let decisionsAtCheck = this.decisions;
    for (;;) {
      let conflict = this.propagate();
      if (conflict === NO_CONFLICT && this.propagator !== undefined) conflict = this.runPropagator();
      if (conflict !== NO_CONFLICT) {
        this.conflicts++;
        this.restartBudget--;
        if (this.trailLim.length === 0) {
          this.ok = false;
          return 'unsat';
        }
        const { learnt, backLevel, lbd } = this.analyze(conflict);
        this.onLearnt?.(learnt);
        this.backtrack(backLevel);
        if (learnt.length === 1) this.enqueue(learnt[0]!, NONE, 0);
        else {
          const ref = this.attach(learnt, true, lbd);
          if (ref >= 0) this.enqueue(learnt[0]!, CLAUSE, ref);
          else this.enqueue(learnt[0]!, BINARY, learnt[1]!);
        }
        this.varInc /= VAR_DECAY;
        this.clauseInc /= 0.999;
        if (this.varInc > 1e100) this.rescaleVars();
        if (this.clauseInc > 1e20) this.rescaleClauses();
        continue;
      }
      if (this.conflicts >= nextCheck || this.decisions - decisionsAtCheck > 20_000) {
        nextCheck = this.conflicts + 100;
        decisionsAtCheck = this.decisions;
        if (stop()) {
          this.backtrack(0);
          return 'unknown';
        }
      }
      if (this.restartBudget <= 0) {
        this.restarts++;
        this.restartBudget = luby(this.restarts) * 100;
        this.backtrack(0);
      }
      if (this.conflicts >= this.nextReduce) {
        this.nextReduce = this.conflicts + 4000 + 300 * Math.floor(this.learnts.length / 1000);
        this.reduceDb();
      }
      let next = -1;
      while (this.trailLim.length < assumptions.length) {
        const a = assumptions[this.trailLim.length]!;
        if (this.val[a] === 1) this.trailLim.push(this.trailLen);
        else if (this.val[a] === -1) {
          this.failed = this.analyzeFinal(a);
          this.backtrack(0);
          return 'unsat';
        } else {
          next = a;
          break;
        }
      }
      if (next < 0) {
        const v = this.pickBranchVar();
        if (v < 0) {
          this.model = this.val.slice(0, 2 * this.nVars).filter((_, i) => (i & 1) === 0);
          this.backtrack(0);
          return 'sat';
        }
        next = 2 * v + this.phase[v]!;
      }
      this.decisions++;
      this.trailLim.push(this.trailLen);
      this.enqueue(next, NONE, 0);
    }
  }

  /**
   * After an unsatisfiable answer under assumptions, the assumptions its refutation used (a subset
   * whose conjunction the formula refutes; MiniSat's analyzeFinal). Empty after any other answer.
   */
  failed: number[] = [];

  // ---- internals ----

  /** The assumptions, true on the trail, that force the assumption a false, and a itself. */
  private analyzeFinal(a: number): number[] {
    const out = [a];
    if (this.level[a >> 1] === 0) return out;
    const mark = new Uint8Array(this.nVars);
    mark[a >> 1] = 1;
    for (let i = this.trailLen - 1; i >= this.trailLim[0]!; i--) {
      const v = this.trail[i]! >> 1;
      if (mark[v] === 0) continue;
      // Every decision so far is an assumption: the search has not branched yet.
      if (this.reasonKind[v] === NONE) {
        if (v !== a >> 1) out.push(this.trail[i]!);
        continue;
      }
      const n = this.reasonLits(v, 0);
      for (let k = 0; k < n; k++) {
        const q = this.lits[k]! >> 1;
        if (this.level[q]! > 0) mark[q] = 1;
      }
    }
    return out;
  }

  /** Runs the propagator until it has nothing to say or a conflict comes up (returned as propagate() does). */
  private runPropagator(): number {
    for (;;) {
      const clause = this.propagator!(this.propagatorFrom);
      this.propagatorFrom = this.trailLen;
      if (clause === undefined) return NO_CONFLICT;
      this.propagatorClauses++;
      const conflict = this.learnExternal(clause);
      if (conflict !== NO_CONFLICT) return conflict;
      const next = this.propagate();
      if (next !== NO_CONFLICT) return next;
    }
  }

  /**
   * Learns a clause that is falsified or unit under the current assignment: backtracks to the level
   * where it became so, then returns it as the conflict, or enqueues its unit literal.
   */
  private learnExternal(input: number[]): number {
    const val = this.val;
    const level = this.level;
    const lits: number[] = [];
    for (const l of input) {
      if (val[l] === -1 && level[l >> 1] === 0) continue;
      if (val[l] === 1 && level[l >> 1] === 0) return NO_CONFLICT; // satisfied for good
      lits.push(l);
    }
    // Unassigned first, then true, then false by decreasing level: the first two are watched.
    const rank = (l: number) => (val[l] === 0 ? 1e9 : val[l] === 1 ? 1e8 : level[l >> 1]!);
    lits.sort((a, b) => rank(b) - rank(a));
    const open = lits.filter((l) => val[l] !== -1).length;
    if (open > 1 || (open === 1 && val[lits[0]!] === 1)) {
      if (lits.length > 1) this.attach(lits, true, lits.length);
      return NO_CONFLICT;
    }
    if (lits.length === 0) {
      this.backtrack(0);
      this.conflictLits = [];
      return LITS_CONFLICT;
    }
    const highest = open === 1 ? (lits.length > 1 ? level[lits[1]! >> 1]! : 0) : level[lits[0]! >> 1]!;
    this.backtrack(highest);
    if (open === 1) {
      const unit = lits[0]!;
      if (lits.length === 1) this.enqueue(unit, NONE, 0);
      else {
        const ref = this.attach(lits, true, lits.length);
        if (ref >= 0) this.enqueue(unit, CLAUSE, ref);
        else this.enqueue(unit, BINARY, lits[1]!);
      }
      return NO_CONFLICT;
    }
    if (lits.length === 1) {
      this.conflictLits = [lits[0]!];
      return LITS_CONFLICT;
    }
    const ref = this.attach(lits, true, lits.length);
    if (ref >= 0) return ref;
    this.conflictLits = lits;
    return LITS_CONFLICT;
  }

  private grow(size: number) {
    this.val = grown(this.val, 2 * size);
    this.level = grown(this.level, size);
    this.reasonKind = grown(this.reasonKind, size);
    this.reasonData = grown(this.reasonData, size);
    this.trailPos = grown(this.trailPos, size);
    this.activity = grown(this.activity, size);
    this.phase = grown(this.phase, size);
    this.seen = grown(this.seen, size);
    this.shrinkMark = grown(this.shrinkMark, size);
    this.heap = grown(this.heap, size);
    this.heapIndex = grown(this.heapIndex, size);
    this.trail = grown(this.trail, size);
    this.lits = grown(this.lits, size);
    this.levelStamp = grown(this.levelStamp, size + 1);
    this.capacity = size;
  }

  private attach(lits: number[], learnt: boolean, lbd = 0): number {
    if (lits.length === 2) {
      const [a, b] = lits as [number, number];
      this.implies.push(a ^ 1, b);
      this.implies.push(b ^ 1, a);
      return -1;
    }
    const need = this.memTop + HEADER + lits.length;
    if (need > this.mem.length) {
      let size = this.mem.length;
      while (size < need) size *= 2;
      const bigger = new Int32Array(size);
      bigger.set(this.mem.subarray(0, this.memTop));
      this.mem = bigger;
      this.memF = new Float32Array(bigger.buffer);
    }
    const ref = this.memTop;
    const mem = this.mem;
    mem[ref + SIZE] = lits.length;
    mem[ref + FLAGS] = (lbd << 1) | (learnt ? LEARNT : 0);
    this.memF[ref + ACTIVITY] = learnt ? this.clauseInc : 0;
    for (let i = 0; i < lits.length; i++) mem[ref + HEADER + i] = lits[i]!;
    this.memTop = need;
    this.watches.push2(lits[0]!, ref, lits[1]!);
    this.watches.push2(lits[1]!, ref, lits[0]!);
    (learnt ? this.learnts : this.problemClauses).push(ref);
    return ref;
  }

  private enqueue(l: number, kind: number, data: number) {
    const v = l >> 1;
    this.val[l] = 1;
    this.val[l ^ 1] = -1;
    this.level[v] = this.trailLim.length;
    this.reasonKind[v] = kind;
    this.reasonData[v] = data;
    this.trailPos[v] = this.trailLen;
    this.trail[this.trailLen++] = l;
    const occ = this.cardOcc;
    const n = occ.head[2 * l + 1]!;
    if (n === 0) return;
    const occData = occ.data;
    const count = this.cardCount;
    const first = occ.head[2 * l]!;
    for (let i = first + n - 1; i >= first; i--) count[occData[i]!]!++;
  }

  private backtrack(lvl: number) {
    if (this.trailLim.length <= lvl) return;
    const stop = this.trailLim[lvl]!;
    const occ = this.cardOcc;
    const occData = occ.data;
    for (let i = this.trailLen - 1; i >= stop; i--) {
      const l = this.trail[i]!;
      const v = l >> 1;
      this.phase[v] = l & 1;
      this.val[l] = 0;
      this.val[l ^ 1] = 0;
      this.reasonKind[v] = NONE;
      const n = occ.head[2 * l + 1]!;
      if (n > 0) {
        const first = occ.head[2 * l]!;
        for (let j = first + n - 1; j >= first; j--) this.cardCount[occData[j]!]!--;
      }
      if (this.heapIndex[v] === -1) this.heapInsert(v);
    }
    this.trailLen = stop;
    this.qhead = stop;
    if (this.propagatorFrom > stop) this.propagatorFrom = stop;
    this.trailLim.length = lvl;
  }

  /** Unit propagation; returns a falsified clause's ref, LITS_CONFLICT (see conflictLits) or NO_CONFLICT. */
  private propagate(): number {
    const val = this.val;
    const mem = this.mem;
    const implies = this.implies;
    const watches = this.watches;
    const cardOcc = this.cardOcc;
    while (this.qhead < this.trailLen) {
      const p = this.trail[this.qhead++]!;
      this.propagations++;
      const imp = implies.data;
      const impStart = implies.head[2 * p]!;
      const impEnd = impStart + implies.head[2 * p + 1]!;
      for (let i = impStart; i < impEnd; i++) {
        const q = imp[i]!;
        const vq = val[q];
        if (vq === 1) continue;
        if (vq === -1) {
          this.conflictLits = [q, p ^ 1];
          this.qhead = this.trailLen;
          return LITS_CONFLICT;
        }
        this.enqueue(q, BINARY, p ^ 1);
      }
      const np = p ^ 1;
      // watches.data is reloaded after each push (which may grow it); np's own segment never moves here.
      let ws = watches.data;
      const s = watches.head[2 * np]!;
      const n = s + watches.head[2 * np + 1]!;
      let i = s;
      let j = s;
      while (i < n) {
        const ref = ws[i]!;
        const blocker = ws[i + 1]!;
        i += 2;
        if (val[blocker] === 1) {
          ws[j++] = ref;
          ws[j++] = blocker;
          continue;
        }
        const c = ref + HEADER;
        if (mem[c] === np) {
          mem[c] = mem[c + 1]!;
          mem[c + 1] = np;
        }
        const first = mem[c]!;
        if (first !== blocker && val[first] === 1) {
          ws[j++] = ref;
          ws[j++] = first;
          continue;
        }
        const end = c + mem[ref + SIZE]!;
        let moved = false;
        for (let k = c + 2; k < end; k++) {
          const l = mem[k]!;
          if (val[l] !== -1) {
            mem[c + 1] = l;
            mem[k] = np;
            watches.push2(l, ref, first);
            ws = watches.data;
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = ref;
        ws[j++] = first;
        if (val[first] === -1) {
          while (i < n) ws[j++] = ws[i++]!;
          watches.head[2 * np + 1] = j - s;
          this.qhead = this.trailLen;
          return ref;
        }
        this.enqueue(first, CLAUSE, ref);
      }
      watches.head[2 * np + 1] = j - s;
      const occ = cardOcc.data;
      const occStart = cardOcc.head[2 * p]!;
      const occEnd = occStart + cardOcc.head[2 * p + 1]!;
      for (let o = occStart; o < occEnd; o++) {
        const ci = occ[o]!;
        const count = this.cardCount[ci]!;
        const k = this.cardK[ci]!;
        if (count < k) continue;
        const lits = this.cardLits[ci]!;
        if (count > k) {
          // The k + 1 earliest true literals: at most k of them precede this level, or the
          // conflict would have been found there.
          const trues: number[] = [];
          for (let t = 0; t < lits.length; t++) if (val[lits[t]!] === 1) trues.push(lits[t]!);
          trues.sort((a, b) => this.trailPos[a >> 1]! - this.trailPos[b >> 1]!);
          this.qhead = this.trailLen;
          this.conflictLits = trues.slice(0, k + 1).map((l) => l ^ 1);
          return LITS_CONFLICT;
        }
        for (let t = 0; t < lits.length; t++) if (val[lits[t]!] === 0) this.enqueue(lits[t]! ^ 1, CARD, ci);
      }
    }
    return NO_CONFLICT;
  }

  /**
   * The false literals of the clause that forced v (binary, card or arena clause), or of the
   * conflict when v < 0, written into `this.lits` (reused, its length returned).
   */
  private reasonLits(v: number, conflict: number): number {
    const mem = this.mem;
    const out = this.lits;
    let n = 0;
    if (v < 0) {
      if (conflict >= 0) {
        const c = conflict + HEADER;
        const end = c + mem[conflict + SIZE]!;
        for (let k = c; k < end; k++) out[n++] = mem[k]!;
      } else for (const q of this.conflictLits) out[n++] = q;
      return n;
    }
    const kind = this.reasonKind[v];
    if (kind === CLAUSE) {
      const ref = this.reasonData[v]!;
      const c = ref + HEADER;
      const end = c + mem[ref + SIZE]!;
      for (let k = c + 1; k < end; k++) out[n++] = mem[k]!;
      return n;
    }
    if (kind === BINARY) {
      out[n++] = this.reasonData[v]!;
      return n;
    }
    const lits = this.cardLits[this.reasonData[v]!]!;
    const pos = this.trailPos[v]!;
    for (let t = 0; t < lits.length; t++) {
      const x = lits[t]!;
      if (this.val[x] === 1 && this.trailPos[x >> 1]! < pos) out[n++] = x ^ 1;
    }
    return n;
  }

  private analyze(conflict: number): { learnt: number[]; backLevel: number; lbd: number } {
    const learnt: number[] = [-1];
    const current = this.trailLim.length;
    let pathCount = 0;
    let p = -1;
    let index = this.trailLen - 1;
    const seen = this.seen;
    const out = this.lits;
    if (conflict >= 0 && (this.mem[conflict + FLAGS]! & LEARNT) !== 0) this.bumpClause(conflict);
    let v = -1;
    for (;;) {
      const n = this.reasonLits(v, conflict);
      for (let i = 0; i < n; i++) {
        const q = out[i]!;
        const u = q >> 1;
        if (seen[u] === 0 && this.level[u]! > 0) {
          seen[u] = 1;
          this.bumpVar(u);
          if (this.level[u]! >= current) pathCount++;
          else learnt.push(q);
        }
      }
      while (seen[this.trail[index]! >> 1] === 0) index--;
      p = this.trail[index]!;
      index--;
      v = p >> 1;
      seen[v] = 0;
      pathCount--;
      if (pathCount === 0) break;
      if (this.reasonKind[v] === CLAUSE) {
        const ref = this.reasonData[v]!;
        if ((this.mem[ref + FLAGS]! & LEARNT) !== 0) this.bumpClause(ref);
      }
    }
    learnt[0] = p ^ 1;
    // Recursive minimization: drop literals implied by the others.
    let abstract = 0;
    for (let i = 1; i < learnt.length; i++) abstract |= 1 << (this.level[learnt[i]! >> 1]! & 31);
    const toClear = learnt.slice(1);
    let j = 1;
    for (let i = 1; i < learnt.length; i++) {
      const u = learnt[i]! >> 1;
      if (this.reasonKind[u] === NONE || !this.redundant(learnt[i]!, abstract, toClear))
        learnt[j++] = learnt[i]!;
    }
    learnt.length = j;
    for (const l of toClear) seen[l >> 1] = 0;
    if (this.shrinking) this.shrink(learnt);
    let backLevel = 0;
    if (learnt.length > 1) {
      let max = 1;
      for (let i = 2; i < learnt.length; i++)
        if (this.level[learnt[i]! >> 1]! > this.level[learnt[max]! >> 1]!) max = i;
      [learnt[1], learnt[max]] = [learnt[max]!, learnt[1]!];
      backLevel = this.level[learnt[1]! >> 1]!;
    }
    // LBD: the distinct decision levels among the learnt clause's literals.
    this.stamp++;
    let lbd = 0;
    for (const l of learnt) {
      const lv = this.level[l >> 1]!;
      if (this.levelStamp[lv] !== this.stamp) {
        this.levelStamp[lv] = this.stamp;
        lbd++;
      }
    }
    return { learnt, backLevel, lbd };
  }

  /**
   * All-UIP shrinking (Feng and Bacchus, SAT 2020): the literals of one earlier decision level in the
   * learnt clause are replaced by that level's own UIP, the one literal of the level that all of them
   * follow from, when resolving back to it brings in no literal of a lower level that the clause does
   * not already hold (or imply). The clause keeps its LBD and gets shorter: at most one literal a level.
   * On forum-13crafb's question at its bound, learnt clauses half as long (a mean 51 literals, not
   * 107). Medians of eight orders, before → after: forum-13crafb's schedule at its bound 62,300 →
   * 46,100 conflicts, ticf-13crafb's 59,700 → 37,500, tic-13crafc's "none with 3" 25,300 → 13,300
   * (EXPERIMENTS.md).
   */
  private shrink(learnt: number[]) {
    if (learnt.length <= 2) return;
    const seen = this.seen;
    const level = this.level;
    const trailPos = this.trailPos;
    const mark = this.shrinkMark;
    // Literals by level (the asserting literal, at index 0, stays).
    const byLevel = new Map<number, number[]>();
    let abstract = 0;
    for (let i = 1; i < learnt.length; i++) {
      const l = learnt[i]!;
      seen[l >> 1] = 1;
      const lv = level[l >> 1]!;
      abstract |= 1 << (lv & 31);
      const list = byLevel.get(lv);
      if (list === undefined) byLevel.set(lv, [l]);
      else list.push(l);
    }
    const toClear: number[] = [];
    // A reason's literals of other levels, tested after reading it: the test reuses `this.lits`.
    const others: number[] = [];
    const out: number[] = [learnt[0]!];
    for (const [lv, lits] of byLevel) {
      if (lits.length === 1) {
        out.push(lits[0]!);
        continue;
      }
      let open = 0;
      let pos = 0;
      const marked: number[] = [];
      for (const l of lits) {
        mark[l >> 1] = 1;
        marked.push(l >> 1);
        open++;
        if (trailPos[l >> 1]! > pos) pos = trailPos[l >> 1]!;
      }
      let uip = -1;
      for (let i = pos; i >= 0; i--) {
        const t = this.trail[i]!;
        const v = t >> 1;
        if (mark[v] === 0) continue;
        if (open === 1) {
          uip = t ^ 1;
          break;
        }
        if (this.reasonKind[v] === NONE) break; // not reached: the level's decision comes with open === 1
        const n = this.reasonLits(v, NO_CONFLICT);
        others.length = 0;
        for (let k = 0; k < n; k++) {
          const q = this.lits[k]!;
          const u = q >> 1;
          const lu = level[u]!;
          if (lu === lv) {
            if (mark[u] === 0) {
              mark[u] = 1;
              marked.push(u);
              open++;
            }
          } else if (lu !== 0 && seen[u] === 0) others.push(q);
        }
        // Fine if the clause implies them (recursive minimization's test).
        if (others.some((q) => this.reasonKind[q >> 1] === NONE || !this.redundant(q, abstract, toClear)))
          break;
        mark[v] = 0;
        open--;
      }
      for (const u of marked) mark[u] = 0;
      if (uip >= 0) {
        out.push(uip);
        this.shrunkLits += lits.length - 1;
      } else for (const l of lits) out.push(l);
    }
    for (let i = 1; i < learnt.length; i++) seen[learnt[i]! >> 1] = 0;
    for (const l of toClear) seen[l >> 1] = 0;
    learnt.length = 0;
    for (const l of out) learnt.push(l);
  }

  private redundant(p: number, abstract: number, toClear: number[]): boolean {
    const stack = [p];
    const top = toClear.length;
    const seen = this.seen;
    const out = this.lits;
    while (stack.length > 0) {
      const q = stack.pop()!;
      const n = this.reasonLits(q >> 1, NO_CONFLICT);
      for (let i = 0; i < n; i++) {
        const l = out[i]!;
        const v = l >> 1;
        if (seen[v] === 1 || this.level[v] === 0) continue;
        if (this.reasonKind[v] !== NONE && ((1 << (this.level[v]! & 31)) & abstract) !== 0) {
          seen[v] = 1;
          stack.push(l);
          toClear.push(l);
        } else {
          for (let k = top; k < toClear.length; k++) seen[toClear[k]! >> 1] = 0;
          toClear.length = top;
          return false;
        }
      }
    }
    return true;
  }

  private locked(ref: number): boolean {
    const first = this.mem[ref + HEADER]!;
    const v = first >> 1;
    return this.reasonKind[v] === CLAUSE && this.reasonData[v] === ref && this.val[first] === 1;
  }

  /** Drops the less useful half of the learnt clauses with LBD above 2 (never one that is a reason). */
  private reduceDb() {
    const mem = this.mem;
    const memF = this.memF;
    const lbd = (r: number) => mem[r + FLAGS]! >> 1;
    const candidates = this.learnts.filter((r) => lbd(r) > 2 && !this.locked(r));
    candidates.sort((a, b) => lbd(b) - lbd(a) || memF[a + ACTIVITY]! - memF[b + ACTIVITY]!);
    const drop = new Set(candidates.slice(0, Math.floor(candidates.length / 2)));
    if (drop.size === 0) return;
    for (const r of drop) this.wasted += HEADER + mem[r + SIZE]!;
    this.learnts = this.learnts.filter((r) => !drop.has(r));
    const watches = this.watches;
    const ws = watches.data;
    for (let l = 0; l < 2 * this.nVars; l++) {
      const s = watches.head[2 * l]!;
      const n = s + watches.head[2 * l + 1]!;
      let j = s;
      for (let i = s; i < n; i += 2)
        if (!drop.has(ws[i]!)) {
          ws[j++] = ws[i]!;
          ws[j++] = ws[i + 1]!;
        }
      watches.head[2 * l + 1] = j - s;
    }
    watches.compactIfWasteful();
    if (this.wasted * 2 > this.memTop) this.compact();
  }

  /** Moves the live clauses to a fresh arena and renames their refs in watch lists and reasons. */
  private compact() {
    const old = this.mem;
    const fresh = new Int32Array(old.length);
    const moved = new Map<number, number>();
    let top = 0;
    const move = (r: number) => {
      const size = HEADER + old[r + SIZE]!;
      fresh.set(old.subarray(r, r + size), top);
      moved.set(r, top);
      top += size;
      return top - size;
    };
    this.problemClauses = this.problemClauses.map(move);
    this.learnts = this.learnts.map(move);
    const watches = this.watches;
    const ws = watches.data;
    for (let l = 0; l < 2 * this.nVars; l++) {
      const s = watches.head[2 * l]!;
      for (let i = s; i < s + watches.head[2 * l + 1]!; i += 2) ws[i] = moved.get(ws[i]!)!;
    }
    for (let i = 0; i < this.trailLen; i++) {
      const v = this.trail[i]! >> 1;
      if (this.reasonKind[v] === CLAUSE) this.reasonData[v] = moved.get(this.reasonData[v]!)!;
    }
    this.mem = fresh;
    this.memF = new Float32Array(fresh.buffer);
    this.memTop = top;
    this.wasted = 0;
    this.compactions++;
  }

  private bumpClause(ref: number) {
    const memF = this.memF;
    memF[ref + ACTIVITY]! += this.clauseInc;
    if (memF[ref + ACTIVITY]! > 1e20) this.rescaleClauses();
  }

  /** Activities are 32-bit floats: kept far below their range. */
  private rescaleClauses() {
    for (const r of this.learnts) this.memF[r + ACTIVITY]! *= 1e-20;
    this.clauseInc *= 1e-20;
  }

  private bumpVar(v: number) {
    this.activity[v]! += this.varInc;
    if (this.activity[v]! > 1e100) this.rescaleVars();
    this.heapUpdate(v);
  }

  private rescaleVars() {
    for (let v = 0; v < this.nVars; v++) this.activity[v]! *= 1e-100;
    this.varInc *= 1e-100;
  }

  private pickBranchVar(): number {
    while (this.heapSize > 0) {
      const v = this.heapPop();
      if (this.val[2 * v] === 0) return v;
    }
    return -1;
  }

  private heapInsert(v: number) {
    this.heapIndex[v] = this.heapSize;
    this.heap[this.heapSize++] = v;
    this.siftUp(this.heapSize - 1);
  }

  private heapUpdate(v: number) {
    const i = this.heapIndex[v]!;
    if (i >= 0) this.siftUp(i);
  }

  private heapPop(): number {
    const top = this.heap[0]!;
    const last = this.heap[--this.heapSize]!;
    this.heapIndex[top] = -1;
    if (this.heapSize > 0) {
      this.heap[0] = last;
      this.heapIndex[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number) {
    const v = this.heap[i]!;
    const a = this.activity[v]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pv = this.heap[parent]!;
      if (this.activity[pv]! >= a) break;
      this.heap[i] = pv;
      this.heapIndex[pv] = i;
      i = parent;
    }
    this.heap[i] = v;
    this.heapIndex[v] = i;
  }

  private siftDown(i: number) {
    const v = this.heap[i]!;
    const a = this.activity[v]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.heapSize) break;
      if (
        child + 1 < this.heapSize &&
        this.activity[this.heap[child + 1]!]! > this.activity[this.heap[child]!]!
      )
        child++;
      const cv = this.heap[child]!;
      if (this.activity[cv]! <= a) break;
      this.heap[i] = cv;
      this.heapIndex[cv] = i;
      i = child;
    }
    this.heap[i] = v;
    this.heapIndex[v] = i;
  }
}

/** The Luby sequence 1, 1, 2, 1, 1, 2, 4, … (restart lengths). */
function luby(i: number): number {
  let size = 1;
  let seq = 0;
  while (size < i + 1) {
    seq++;
    size = 2 * size + 1;
  }
  let x = i;
  while (size - 1 !== x) {
    size = (size - 1) >> 1;
    seq--;
    x %= size;
  }
  return 2 ** seq;
}
