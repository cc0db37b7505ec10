import { grown } from './typed-arrays.ts';

/**
 * Growable lists of integers, one per key (a literal, for the SAT solver's watch lists, binary
 * implications and cardinality occurrences), all in one Int32Array. A list lives in a segment of
 * that array, from `head[2 * key]`, with its length in `head[2 * key + 1]` (side by side, so that
 * finding a list is one memory access, not two: the same search 5 % faster) and its room in `cap`;
 * a full list moves to a segment twice its size at the end. One array instead of a typed array per
 * list: reading a list is one offset and then the data, not an object, its header and then the data
 * (propagation reads thousands of lists per conflict; SCHEDULER.md).
 *
 * `push` never moves another list and keeps every offset valid, though `data` may be a new array
 * after it (reload it); `compactIfWasteful` may move every list, and is for when no caller holds an
 * offset.
 */
export class FlatLists {
  data = new Int32Array(1 << 12);
  /** Per key: the list's first index in `data`, then its length. */
  head = new Int32Array(0);
  cap = new Int32Array(0);
  private keys = 0;
  private top = 0;
  /** Ints in segments no list uses any more (left behind by moves). */
  private wasted = 0;

  /** Adds an empty list; returns its key (0, 1, 2, …). */
  add(): number {
    const key = this.keys++;
    if (key === this.cap.length) {
      const size = Math.max(64, 2 * key);
      this.head = grown(this.head, 2 * size);
      this.cap = grown(this.cap, size);
    }
    this.head[2 * key] = this.top;
    this.head[2 * key + 1] = 0;
    this.cap[key] = 0;
    return key;
  }

  push(key: number, value: number) {
    const n = this.head[2 * key + 1]!;
    if (n === this.cap[key]) this.move(key, Math.max(4, 2 * n));
    this.data[this.head[2 * key]! + n] = value;
    this.head[2 * key + 1] = n + 1;
  }

  /** Two values at once (a watch: clause and blocker). */
  push2(key: number, a: number, b: number) {
    const n = this.head[2 * key + 1]!;
    if (n + 2 > this.cap[key]!) this.move(key, Math.max(4, 2 * n));
    const at = this.head[2 * key]! + n;
    this.data[at] = a;
    this.data[at + 1] = b;
    this.head[2 * key + 1] = n + 2;
  }

  /** Packs every list into a fresh array (with room to grow), when more than half of the array is left behind. */
  compactIfWasteful() {
    if (this.wasted * 2 <= this.top) return;
    let total = 0;
    for (let k = 0; k < this.keys; k++) total += roomFor(this.head[2 * k + 1]!);
    const fresh = new Int32Array(Math.max(1 << 12, 2 * total));
    let top = 0;
    for (let k = 0; k < this.keys; k++) {
      const s = this.head[2 * k]!;
      const n = this.head[2 * k + 1]!;
      fresh.set(this.data.subarray(s, s + n), top);
      this.head[2 * k] = top;
      this.cap[k] = roomFor(n);
      top += this.cap[k]!;
    }
    this.data = fresh;
    this.top = top;
    this.wasted = 0;
  }

  private move(key: number, size: number) {
    if (this.top + size > this.data.length) {
      let length = this.data.length;
      while (length < this.top + size) length *= 2;
      this.data = grown(this.data, length);
    }
    const s = this.head[2 * key]!;
    this.data.copyWithin(this.top, s, s + this.head[2 * key + 1]!);
    this.wasted += this.cap[key]!;
    this.head[2 * key] = this.top;
    this.cap[key] = size;
    this.top += size;
  }
}

/** The segment a list of n ints gets when packed: room for as many again (at least 4). */
const roomFor = (n: number) => (n === 0 ? 0 : Math.max(4, 2 * n));
