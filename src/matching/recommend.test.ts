import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DISTRACTORS,
  LABELLED_PAIRS,
  type LabelledOrganization,
} from '../../test/fixtures/matching-labelled.ts';
import type { MatchProfile } from './profile.ts';
import { MatchIndex } from './recommend.ts';

const profile = (o: LabelledOrganization, side: 'delegation' | 'host', id: string): MatchProfile => {
  const language = side === 'delegation' ? 'fr' : 'en';
  return {
    id,
    name: o.name,
    side,
    sectors: o.sectors,
    country: side === 'delegation' ? 'FR' : 'US',
    targetCountries: [],
    description: { text: o.description, language },
    offers: o.offers.map((text) => ({ text, language })),
    requests: o.requests.map((text) => ({ text, language })),
  };
};

const profiles: MatchProfile[] = [
  ...LABELLED_PAIRS.flatMap(([fr, en], i) => [
    profile(fr, 'delegation', `fr${i}`),
    profile(en, 'host', `en${i}`),
  ]),
  ...DISTRACTORS.map((d, i) => profile(d, 'host', `x${i}`)),
];

test('the labelled set is large enough: at least 40 organizations, distractors in every sector', () => {
  assert.ok(profiles.length >= 40);
});

test('cross-language quality: the intended counterpart is in the top 3 for at least 80 %, both ways', () => {
  const index = new MatchIndex(profiles);
  let hits = 0;
  const misses: string[] = [];
  for (const [i] of LABELLED_PAIRS.entries()) {
    for (const [from, to] of [
      [`fr${i}`, `en${i}`],
      [`en${i}`, `fr${i}`],
    ] as const) {
      const top = index.recommend(from, { limit: 3 }).map((r) => r.id);
      if (top.includes(to)) hits++;
      else misses.push(`${from}→${to}: ${top.join(',')}`);
    }
  }
  const rate = hits / (LABELLED_PAIRS.length * 2);
  assert.ok(rate >= 0.8, `top-3 rate ${rate.toFixed(2)}; misses ${misses.join('; ')}`);
});

test('a French offer finds the English request that means the same thing, and says why', () => {
  const index = new MatchIndex(profiles);
  const [best] = index.recommend('en0', { limit: 1 });
  assert.equal(best?.name, 'Cardiolien');
  const answer = best?.reasons.find((r) => r.kind === 'answers');
  assert.ok(answer && answer.kind === 'answers');
  assert.equal(answer.direction, 'their_offer_your_request');
  assert.match(answer.offer, /suivi à distance/);
  assert.ok(answer.terms.length > 0);
  assert.ok(best?.reasons.some((r) => r.kind === 'sectors'));
});

test('the other side comes first; the same side only on request; excluded ones never', () => {
  const index = new MatchIndex(profiles);
  assert.ok(index.recommend('fr0', { limit: 50 }).every((r) => r.side === 'host'));
  const both = index.recommend('fr0', { limit: 200, includeSameSide: true });
  const firstSame = both.findIndex((r) => r.side === 'delegation');
  assert.ok(firstSame > 0 && both.slice(firstSame).every((r) => r.side === 'delegation'));
  assert.ok(!index.recommend('fr0', { exclude: new Set(['en0']) }).some((r) => r.id === 'en0'));
});

test('weights change the ranking: sectors alone rank by shared sectors only', () => {
  const index = new MatchIndex(profiles, { offerRequest: 0, text: 0, countries: 0 });
  const recs = index.recommend('fr0', { limit: 100 });
  assert.ok(recs.length > 0 && recs.every((r) => r.reasons.some((x) => x.kind === 'sectors')));
});

test('target countries count both ways', () => {
  const a = {
    ...profile(DISTRACTORS[0] as LabelledOrganization, 'delegation', 'a'),
    targetCountries: ['US'],
  };
  const b = profile(DISTRACTORS[3] as LabelledOrganization, 'host', 'b');
  const index = new MatchIndex([a, b], { sectors: 0, offerRequest: 0, text: 0, countries: 1 });
  const [rec] = index.recommend('a');
  assert.equal(rec?.score, 0.5);
  assert.deepEqual(rec?.reasons, [{ kind: 'country', direction: 'you_target_them', country: 'US' }]);
});
