import type { Db } from '../db/database.ts';
import type { MissionRow } from '../db/missions.repository.ts';
import { listDirectoryEntries } from '../db/organizations.repository.ts';

/** What a directory card shows of an organization, and the text its search matches. */
export interface DirectoryEntry {
  id: string;
  name: string;
  kind: string;
  country: string;
  city: string;
  side: string;
  sectors: string[];
  summary: string;
  language: string;
  searchText: string;
}

const SUMMARY_LENGTH = 220;
const summarize = (text: string) =>
  text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;

export interface DirectorySearch {
  words: string[];
  sector?: string | undefined;
  side?: string | undefined;
  offset: number;
  limit: number;
}

/** Entries in name order, with the sorted vocabulary of their texts and where each word occurs. */
export interface DirectoryIndex {
  entries: readonly DirectoryEntry[];
  vocabulary: string[];
  postings: Map<string, number[]>;
}

export function buildDirectoryIndex(entries: readonly DirectoryEntry[]): DirectoryIndex {
  const postings = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const token of new Set(e.searchText.split(' '))) {
      if (!token) continue;
      const list = postings.get(token);
      if (list) list.push(i);
      else postings.set(token, [i]);
    }
  });
  return { entries, vocabulary: [...postings.keys()].sort(), postings };
}

function firstAtLeast(sorted: string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Marks the entries having a word that starts with `prefix`. */
function entriesWithPrefix(index: DirectoryIndex, prefix: string): Uint8Array {
  const marks = new Uint8Array(index.entries.length);
  for (let t = firstAtLeast(index.vocabulary, prefix); t < index.vocabulary.length; t++) {
    const token = index.vocabulary[t]!;
    if (!token.startsWith(prefix)) break;
    for (const i of index.postings.get(token)!) marks[i] = 1;
  }
  return marks;
}

/**
 * One page of the entries (kept in name order) that have, for every query word, a word starting
 * with it, and match the sector and the side. Pure: the same index and search give the same page.
 */
export function searchDirectory(index: DirectoryIndex, s: DirectorySearch) {
  const { entries } = index;
  let candidates: Uint8Array | undefined;
  for (const w of s.words) {
    const marks = entriesWithPrefix(index, w);
    if (candidates) for (let i = 0; i < marks.length; i++) candidates[i]! &= marks[i]!;
    else candidates = marks;
  }
  const page: DirectoryEntry[] = [];
  let total = 0;
  for (let i = 0; i < entries.length; i++) {
    if (candidates && candidates[i] === 0) continue;
    const e = entries[i]!;
    if (s.side && e.side !== s.side) continue;
    if (s.sector && !e.sectors.includes(s.sector)) continue;
    if (total >= s.offset && page.length < s.limit) page.push(e);
    total++;
  }
  return { total, page };
}

// One index per database and mission, rebuilt when the mission's directory_version moves on. Every
// process checks the version on each search, so several processes behind one PostgreSQL stay right.
const cache = new WeakMap<Db, Map<string, { version: number; index: DirectoryIndex }>>();

/** The mission's directory index, from memory when nothing changed since it was built. */
export async function directoryIndex(db: Db, mission: MissionRow): Promise<DirectoryIndex> {
  let byMission = cache.get(db);
  if (!byMission) {
    byMission = new Map();
    cache.set(db, byMission);
  }
  const hit = byMission.get(mission.id);
  if (hit && hit.version === mission.directory_version) return hit.index;
  const { orgs, sectors } = await listDirectoryEntries(db.kysely, mission.id);
  const sectorsOf = new Map<string, string[]>();
  for (const s of sectors) {
    const list = sectorsOf.get(s.organization_id);
    if (list) list.push(s.sector_code);
    else sectorsOf.set(s.organization_id, [s.sector_code]);
  }
  const entries = orgs.map(
    (o): DirectoryEntry => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      country: o.country,
      city: o.city,
      side: o.side,
      sectors: sectorsOf.get(o.id) ?? [],
      summary: summarize(o.description),
      language: o.description_language,
      searchText: o.search_text,
    }),
  );
  const index = buildDirectoryIndex(entries);
  byMission.set(mission.id, { version: mission.directory_version, index });
  return index;
}
