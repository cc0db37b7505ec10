import { type Feature, type TextFeatures, textFeatures } from './features.ts';
import {
  DEFAULT_WEIGHTS,
  type MatchProfile,
  type MatchWeights,
  type Reason,
  type Recommendation,
} from './profile.ts';

/** A unit-length sparse vector over interned features. */
interface Vec {
  ids: Int32Array;
  w: Float64Array;
}

interface Indexed {
  profile: MatchProfile;
  offers: Vec[];
  requests: Vec[];
  offerSum: Vec;
  requestSum: Vec;
  all: Vec;
  surfaces: Map<number, string>;
  sectors: Set<string>;
}

/** Concepts of the vocabulary weigh more than a single shared word stem. */
const CONCEPT_BOOST = 1.6;
/** How many candidates of the first, approximate pass are scored in full. */
const RERANK_POOL = 40;

/**
 * The recommendation engine of one mission: profiles as TF-IDF vectors over word stems and bilingual
 * concepts, an inverted index per signal, and reciprocal scores (what each side asks of the other).
 */
export class MatchIndex {
  readonly weights: MatchWeights;
  private readonly items: Indexed[];
  private readonly byId = new Map<string, number>();
  private readonly offerPostings: Posting[];
  private readonly requestPostings: Posting[];
  private readonly allPostings: Posting[];
  private readonly sectorPostings = new Map<string, number[]>();
  private readonly isStem: boolean[];
  private readonly countryPostings = new Map<string, number[]>();
  private readonly targetPostings = new Map<string, number[]>();

  constructor(profiles: readonly MatchProfile[], weights: Partial<MatchWeights> = {}) {
    this.weights = { ...DEFAULT_WEIGHTS, ...weights };
    const intern = new Map<Feature, number>();
    const idOf = (f: Feature) => {
      let id = intern.get(f);
      if (id === undefined) {
        id = intern.size;
        intern.set(f, id);
      }
      return id;
    };
    const raw = profiles.map((p) => {
      const offers = p.offers.map((o) => textFeatures(o.text, o.language));
      const requests = p.requests.map((r) => textFeatures(r.text, r.language));
      const description = textFeatures(p.description.text, p.description.language);
      return { p, offers, requests, description };
    });
    const df = new Map<number, number>();
    for (const r of raw) {
      const seen = new Set<number>();
      for (const t of [r.description, ...r.offers, ...r.requests])
        for (const f of t.counts.keys()) seen.add(idOf(f));
      for (const id of seen) df.set(id, (df.get(id) ?? 0) + 1);
    }
    const n = Math.max(1, profiles.length);
    const featureNames = [...intern.keys()];
    this.isStem = featureNames.map((f) => f.startsWith('s:'));
    const idf = (id: number) =>
      Math.log(1 + n / (df.get(id) ?? 1)) *
      ((featureNames[id] as string).startsWith('c:') ? CONCEPT_BOOST : 1);
    const toVec = (parts: TextFeatures[]): Vec => {
      const acc = new Map<number, number>();
      for (const t of parts)
        for (const [f, c] of t.counts) acc.set(idOf(f), (acc.get(idOf(f)) ?? 0) + Math.sqrt(c));
      return unit(acc, idf);
    };
    this.items = raw.map((r, index) => {
      this.byId.set(r.p.id, index);
      const surfaces = new Map<number, string>();
      for (const t of [...r.requests, ...r.offers, r.description]) {
        for (const [f, word] of t.surface) if (!surfaces.has(idOf(f))) surfaces.set(idOf(f), word);
      }
      for (const s of r.p.sectors) push(this.sectorPostings, s, index);
      push(this.countryPostings, r.p.country, index);
      for (const c of r.p.targetCountries) push(this.targetPostings, c, index);
      return {
        profile: r.p,
        offers: r.offers.map((o) => toVec([o])),
        requests: r.requests.map((q) => toVec([q])),
        offerSum: toVec(r.offers),
        requestSum: toVec(r.requests),
        all: toVec([r.description, ...r.offers, ...r.requests]),
        surfaces,
        sectors: new Set(r.p.sectors),
      };
    });
    this.offerPostings = postings(
      this.items.map((i) => i.offerSum),
      intern.size,
    );
    this.requestPostings = postings(
      this.items.map((i) => i.requestSum),
      intern.size,
    );
    this.allPostings = postings(
      this.items.map((i) => i.all),
      intern.size,
    );
  }

  get size(): number {
    return this.items.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Counterparts for one organization, best first: the other side first, then (if asked) its own side.
   * `exclude` removes organizations (blocked ones, for instance).
   */
  recommend(
    id: string,
    options: { limit?: number; includeSameSide?: boolean; exclude?: ReadonlySet<string> } = {},
  ): Recommendation[] {
    const at = this.byId.get(id);
    if (at === undefined) return [];
    const limit = options.limit ?? 10;
    const me = this.items[at] as Indexed;
    const scores = new Float64Array(this.items.length);
    const w = this.weights;
    accumulate(scores, me.requestSum, this.offerPostings, w.offerRequest);
    accumulate(scores, me.offerSum, this.requestPostings, w.offerRequest);
    accumulate(scores, me.all, this.allPostings, w.text);
    for (const s of me.sectors) {
      for (const j of this.sectorPostings.get(s) ?? [])
        scores[j] = (scores[j] as number) + w.sectors / me.sectors.size;
    }
    for (const c of me.profile.targetCountries) {
      for (const j of this.countryPostings.get(c) ?? []) scores[j] = (scores[j] as number) + w.countries / 2;
    }
    for (const j of this.targetPostings.get(me.profile.country) ?? [])
      scores[j] = (scores[j] as number) + w.countries / 2;
    const groups = options.includeSameSide ? [false, true] : [false];
    const out: Recommendation[] = [];
    for (const sameSide of groups) {
      const pool: number[] = [];
      for (let j = 0; j < scores.length; j++) {
        if (j === at || (scores[j] as number) <= 0) continue;
        const other = this.items[j] as Indexed;
        if ((other.profile.side === me.profile.side) !== sameSide) continue;
        if (options.exclude?.has(other.profile.id)) continue;
        pool.push(j);
      }
      const top = topK(pool, scores, Math.max(RERANK_POOL, limit * 2));
      // Score the pool in full, then explain only what is shown.
      const scored = top.map((j) => ({ j, r: this.score(me, this.items[j] as Indexed, false) }));
      scored.sort((a, b) => b.r.score - a.r.score || a.r.name.localeCompare(b.r.name));
      for (const { j, r } of scored.slice(0, limit - out.length)) {
        if (r.score > 0) out.push(this.score(me, this.items[j] as Indexed, true));
      }
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  /** The full reciprocal score of a pair, with every reason that made it. */
  private score(me: Indexed, them: Indexed, withReasons: boolean): Recommendation {
    const w = this.weights;
    const reasons: Reason[] = [];
    const shared = [...me.sectors].filter((s) => them.sectors.has(s));
    const sectorScore = shared.length / Math.sqrt(Math.max(1, me.sectors.size * them.sectors.size));
    if (withReasons && shared.length > 0) reasons.push({ kind: 'sectors', sectors: shared });

    const mine = bestPair(me.requests, them.offers);
    const theirs = bestPair(them.requests, me.offers);
    const offerRequest = (mine.sim + theirs.sim) / 2;
    if (withReasons && mine.sim >= 0.12) {
      reasons.push({
        kind: 'answers',
        direction: 'their_offer_your_request',
        offer: them.profile.offers[mine.j]?.text ?? '',
        request: me.profile.requests[mine.i]?.text ?? '',
        terms: this.sharedTerms(me, them, me.requests[mine.i], them.offers[mine.j]),
      });
    }
    if (withReasons && theirs.sim >= 0.12) {
      reasons.push({
        kind: 'answers',
        direction: 'your_offer_their_request',
        offer: me.profile.offers[theirs.j]?.text ?? '',
        request: them.profile.requests[theirs.i]?.text ?? '',
        terms: this.sharedTerms(them, me, them.requests[theirs.i], me.offers[theirs.j]),
      });
    }
    const text = dot(me.all, them.all);
    const terms = withReasons ? this.sharedTerms(me, them, me.all, them.all).slice(0, 6) : [];
    if (terms.length > 0) reasons.push({ kind: 'terms', terms });

    const targets = them.profile.targetCountries.includes(me.profile.country) ? 1 : 0;
    const targeted = me.profile.targetCountries.includes(them.profile.country) ? 1 : 0;
    if (withReasons && targeted)
      reasons.push({ kind: 'country', direction: 'you_target_them', country: them.profile.country });
    if (withReasons && targets)
      reasons.push({ kind: 'country', direction: 'they_target_you', country: me.profile.country });

    const total = w.sectors + w.offerRequest + w.text + w.countries;
    const raw =
      w.sectors * sectorScore +
      w.offerRequest * offerRequest +
      w.text * text +
      (w.countries * (targets + targeted)) / 2;
    return {
      id: them.profile.id,
      name: them.profile.name,
      side: them.profile.side,
      score: total > 0 ? Math.round((raw / total) * 1000) / 1000 : 0,
      reasons,
    };
  }

  /** Features two vectors share, heaviest first, shown as "their word ↔ your word" when they differ. */
  private sharedTerms(a: Indexed, b: Indexed, va: Vec | undefined, vb: Vec | undefined): string[] {
    if (!va || !vb) return [];
    const weightsB = new Map<number, number>();
    for (let k = 0; k < vb.ids.length; k++) weightsB.set(vb.ids[k] as number, vb.w[k] as number);
    const shared: [number, number][] = [];
    for (let k = 0; k < va.ids.length; k++) {
      const id = va.ids[k] as number;
      const wb = weightsB.get(id);
      if (wb !== undefined) shared.push([id, (va.w[k] as number) * wb]);
    }
    shared.sort((x, y) => y[1] - x[1]);
    const out: string[] = [];
    for (const [id] of shared) {
      const wa = a.surfaces.get(id) ?? '';
      const wb = b.surfaces.get(id) ?? '';
      // A shared stem is one word in two forms: show one; a concept may have two names: show both.
      const label = wa === wb || this.isStem[id] ? wa : `${wa} ↔ ${wb}`;
      if (label && !out.includes(label)) out.push(label);
    }
    return out;
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

type Posting = { items: number[]; w: number[] };

function unit(acc: Map<number, number>, idf: (id: number) => number): Vec {
  const entries = [...acc].map(([id, c]) => [id, c * idf(id)] as const).sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return {
    ids: Int32Array.from(entries.map((e) => e[0])),
    w: Float64Array.from(entries.map((e) => e[1] / norm)),
  };
}

function postings(vecs: Vec[], features: number): Posting[] {
  const out: Posting[] = Array.from({ length: features }, () => ({ items: [], w: [] }));
  for (const [i, v] of vecs.entries()) {
    for (let k = 0; k < v.ids.length; k++) {
      const p = out[v.ids[k] as number] as Posting;
      p.items.push(i);
      p.w.push(v.w[k] as number);
    }
  }
  return out;
}

function accumulate(scores: Float64Array, query: Vec, index: Posting[], weight: number): void {
  if (weight === 0) return;
  for (let k = 0; k < query.ids.length; k++) {
    const p = index[query.ids[k] as number];
    if (!p) continue;
    const q = (query.w[k] as number) * weight;
    for (let m = 0; m < p.items.length; m++) {
      const j = p.items[m] as number;
      scores[j] = (scores[j] as number) + q * (p.w[m] as number);
    }
  }
}

function dot(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) s += (a.w[i++] as number) * (b.w[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

function bestPair(requests: Vec[], offers: Vec[]): { sim: number; i: number; j: number } {
  let best = { sim: 0, i: 0, j: 0 };
  for (const [i, r] of requests.entries()) {
    for (const [j, o] of offers.entries()) {
      const sim = dot(r, o);
      if (sim > best.sim) best = { sim, i, j };
    }
  }
  return best;
}

/** The k best of the pool by score: the k-th best from a numeric sort, then one sort of the few above it. */
function topK(pool: number[], scores: Float64Array, k: number): number[] {
  if (pool.length <= k * 4)
    return pool.sort((a, b) => (scores[b] as number) - (scores[a] as number)).slice(0, k);
  const values = Float64Array.from(pool, (j) => scores[j] as number).sort();
  const threshold = values[values.length - k] as number;
  return pool
    .filter((j) => (scores[j] as number) >= threshold)
    .sort((a, b) => (scores[b] as number) - (scores[a] as number))
    .slice(0, k);
}
