import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldText, stem, words } from './text.ts';

test('folding removes accents, case and apostrophes', () => {
  assert.equal(foldText('Télésurveillance d’Hôpitaux'), 'telesurveillance d hopitaux');
});

test('words drop stop words, numbers and single letters in both languages', () => {
  assert.deepEqual(words("Fret maritime et logistique de l'entrepôt, 24 h sur 24"), [
    'fret',
    'maritime',
    'logistique',
    'entrepot',
  ]);
  assert.deepEqual(words('Ocean freight for the port of the future'), ['ocean', 'freight', 'port', 'future']);
});

test('stemming brings inflected forms together in each language', () => {
  assert.equal(stem('patients', 'fr'), stem('patient', 'fr'));
  assert.equal(stem('investors', 'en'), stem('investor', 'en'));
  assert.equal(stem('cardiaques', 'fr'), stem('cardiaque', 'fr'));
});
