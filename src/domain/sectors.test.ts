import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveSector, SECTOR_ALIASES, SECTORS } from './sectors.ts';

test('the catalogue holds the twelve sector codes, each named in French and English', () => {
  assert.deepEqual(SECTORS.map((s) => s.code).sort(), [
    'aeronautics',
    'agrifood',
    'construction',
    'cosmetics',
    'creative_industries',
    'digital',
    'education_research',
    'energy_environment',
    'finance',
    'health',
    'maritime_logistics',
    'tourism',
  ]);
  for (const s of SECTORS) assert.ok(s.nameFr && s.nameEn && s.nameFr !== s.code);
});

test('resolves a sector from its code, either full name or a short name, whatever the case and accents', () => {
  assert.equal(resolveSector('maritime_logistics'), 'maritime_logistics');
  assert.equal(resolveSector('Santé et sciences de la vie'), 'health');
  assert.equal(resolveSector('SANTE'), 'health');
  assert.equal(resolveSector('numérique'), 'digital');
  assert.equal(resolveSector('Banking and finance'), 'finance');
  assert.equal(resolveSector('  aéronautique '), 'aeronautics');
  assert.equal(resolveSector('quantum gastronomy'), undefined);
  assert.equal(resolveSector(''), undefined);
});

test('every short name leads back to its own sector, none to two', () => {
  for (const [code, aliases] of Object.entries(SECTOR_ALIASES)) {
    for (const alias of aliases) assert.equal(resolveSector(alias), code, alias);
  }
});
