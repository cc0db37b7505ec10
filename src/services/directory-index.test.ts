import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDirectoryIndex, type DirectoryEntry, searchDirectory } from './directory-index.ts';

const entry = (id: string, searchText: string, side: string, sectors: string[]): DirectoryEntry => ({
  id,
  name: id,
  kind: 'company',
  country: 'France',
  city: '',
  side,
  sectors,
  summary: '',
  language: 'fr',
  searchText,
});

const index = buildDirectoryIndex([
  entry('a', 'azur cardiology remote monitoring', 'delegation', ['health']),
  entry('b', 'biscayne freight ocean logistics', 'host', ['maritime_logistics']),
  entry('c', 'calanques cardiac sensors', 'delegation', ['health', 'digital']),
  entry('d', 'delta solar monitoring', 'host', ['energy_environment']),
]);

const ids = (r: { page: DirectoryEntry[] }) => r.page.map((e) => e.id);

test('every query word must start a word of the entry, in name order', () => {
  assert.deepEqual(ids(searchDirectory(index, { words: ['monitoring'], offset: 0, limit: 10 })), ['a', 'd']);
  assert.deepEqual(ids(searchDirectory(index, { words: ['cardi'], offset: 0, limit: 10 })), ['a', 'c']);
  assert.deepEqual(ids(searchDirectory(index, { words: ['cardi', 'remote'], offset: 0, limit: 10 })), ['a']);
  assert.deepEqual(ids(searchDirectory(index, { words: ['onitoring'], offset: 0, limit: 10 })), []);
  assert.deepEqual(ids(searchDirectory(index, { words: ['zzz'], offset: 0, limit: 10 })), []);
});

test('filters by sector and side and counts all matches while returning one page', () => {
  assert.deepEqual(ids(searchDirectory(index, { words: [], sector: 'health', offset: 0, limit: 10 })), [
    'a',
    'c',
  ]);
  assert.deepEqual(ids(searchDirectory(index, { words: [], side: 'host', offset: 0, limit: 10 })), [
    'b',
    'd',
  ]);
  const page = searchDirectory(index, { words: [], offset: 1, limit: 2 });
  assert.equal(page.total, 4);
  assert.deepEqual(ids(page), ['b', 'c']);
});
