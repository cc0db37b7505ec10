import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { findMissionBySlug } from '../src/db/missions.repository.ts';
import { insertProgrammeItems } from '../src/db/programme.repository.ts';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';

const MISSION = '/api/v1/missions/marseille-miami-2026';

for (const dialect of await testDialects()) {
  describe(`programme sign-ups and roles on ${dialect.name}`, { skip: dialect.skip }, () => {
    let h: Harness;
    let participant: string;
    let other: string;
    let official: string;
    let organizer: string;
    let smallItem: string;

    before(async () => {
      h = await startHarness(await dialect.create());
      participant = await h.signIn(DEMO_ACCOUNTS.participant);
      official = await h.signIn(DEMO_ACCOUNTS.official);
      organizer = await h.signIn(DEMO_ACCOUNTS.organizer);
      other = await h.signInByLink('sophie.lambert@sans-contact-systemes.example');
      const mission = await findMissionBySlug(h.ctx.db.kysely, 'marseille-miami-2026');
      smallItem = randomUUID();
      await insertProgrammeItems(h.ctx.db.kysely, [
        {
          id: smallItem,
          mission_id: mission!.id,
          kind: 'site_visit',
          title_fr: 'Visite du laboratoire (une place)',
          title_en: 'Lab visit (one place)',
          sector_code: 'health',
          starts_at: '2026-11-19T14:00:00.000Z',
          ends_at: '2026-11-19T16:00:00.000Z',
          venue: 'Lab',
          capacity: 1,
        },
      ]);
    });
    after(() => h?.close());

    const call = (method: 'POST' | 'DELETE', cookie: string, id = smallItem) =>
      h.app.inject({ method, url: `${MISSION}/programme/${id}/signup`, headers: { cookie } });

    test('a participant signs up once, a full item refuses the next one, a cancellation frees the place', async () => {
      const first = await call('POST', participant);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { signups: 1, capacity: 1, isSignedUp: true });
      const again = await call('POST', participant);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().signups, 1);
      const full = await call('POST', other);
      assert.equal(full.statusCode, 409);
      assert.equal(full.json().error.details[0].field, 'capacity');
      const overview = (await h.app.inject({ url: MISSION, headers: { cookie: participant } })).json();
      const item = overview.programme.find((p: { id: string }) => p.id === smallItem);
      assert.equal(item.isSignedUp, true);
      assert.equal(item.signups, 1);
      const cancel = await call('DELETE', participant);
      assert.equal(cancel.json().signups, 0);
      assert.equal((await call('POST', other)).statusCode, 200);
    });

    test('concurrent sign-ups never exceed the capacity', async () => {
      await call('DELETE', other);
      const results = await Promise.all([call('POST', participant), call('POST', other)]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    });

    test('officials and organizers without a registration cannot sign up; unknown items are 404', async () => {
      assert.equal((await call('POST', official)).statusCode, 403);
      assert.equal((await call('POST', organizer)).statusCode, 403);
      assert.equal((await call('POST', participant, randomUUID())).statusCode, 404);
    });

    test('only organizers grant roles', async () => {
      const payload = { email: DEMO_ACCOUNTS.official, role: 'organizer' };
      for (const cookie of [participant, official]) {
        const res = await h.app.inject({
          method: 'PUT',
          url: `${MISSION}/roles`,
          headers: { cookie },
          payload,
        });
        assert.equal(res.statusCode, 403);
      }
      const bad = await h.app.inject({
        method: 'PUT',
        url: `${MISSION}/roles`,
        headers: { cookie: organizer },
        payload: { email: DEMO_ACCOUNTS.official, role: 'king' },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].field, 'role');
      const ok = await h.app.inject({
        method: 'PUT',
        url: `${MISSION}/roles`,
        headers: { cookie: organizer },
        payload: { email: 'sophie.lambert@sans-contact-systemes.example', role: 'official' },
      });
      assert.equal(ok.statusCode, 200);
      const denied = await h.app.inject({
        method: 'PATCH',
        url: `${MISSION}/organizations/${(await h.app.inject({ url: '/api/v1/session', headers: { cookie: other } })).json().user.organizationId}`,
        headers: { cookie: other },
        payload: { city: 'Nice' },
      });
      assert.equal(denied.statusCode, 403, 'a participant turned official can no longer write');
    });
  });
}
