import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';
import { count, personOf, RETURN, strangersOf } from './support/meetings.ts';

const SLUG = 'miami-marseille-2027';

for (const dialect of await testDialects()) {
  describe(`meeting requests on ${dialect.name}`, { skip: dialect.skip }, () => {
    let h: Harness;
    let camille: string;
    let camilleId: string;
    let camilleOrg: string;
    let strangers: { id: string; email: string; organization_id: string }[];
    let organizer: string;
    let official: string;

    before(async () => {
      h = await startHarness(await dialect.create());
      camille = await h.signIn(DEMO_ACCOUNTS.participant);
      organizer = await h.signIn(DEMO_ACCOUNTS.organizer);
      official = await h.signIn(DEMO_ACCOUNTS.official);
      const me = await personOf(h, SLUG, DEMO_ACCOUNTS.participant);
      camilleId = me.id;
      camilleOrg = me.organization_id;
      strangers = await strangersOf(h, SLUG, camilleId, 'delegation');
      assert.ok(strangers.length >= 4, 'the demo leaves counterparts to ask');
    });
    after(() => h?.close());

    const ask = (cookie: string, recipientPersonId: string, message = 'Bonjour') =>
      h.app.inject({
        method: 'POST',
        url: `${RETURN}/requests`,
        headers: { cookie },
        payload: { recipientPersonId, message },
      });

    test('recommendations: ranked counterparts of the other side with reasons; officials get none', async () => {
      const res = await h.app.inject({
        url: `${RETURN}/recommendations?limit=5`,
        headers: { cookie: camille },
      });
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items;
      assert.equal(items.length, 5);
      assert.ok(items.every((r: { side: string }) => r.side === 'delegation'));
      assert.ok(items[0].reasons.length > 0 && items[0].people.length > 0);
      const scores = items.map((r: { score: number }) => r.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      );
      assert.equal(
        (await h.app.inject({ url: `${RETURN}/recommendations`, headers: { cookie: official } })).statusCode,
        403,
      );
      const otherOrg = strangers[0]!.organization_id;
      const forbidden = await h.app.inject({
        url: `${RETURN}/recommendations?organizationId=${otherOrg}`,
        headers: { cookie: camille },
      });
      assert.equal(forbidden.statusCode, 403);
      const asOrganizer = await h.app.inject({
        url: `${RETURN}/recommendations?organizationId=${otherOrg}`,
        headers: { cookie: organizer },
      });
      assert.equal(asOrganizer.statusCode, 200);
      assert.ok(asOrganizer.json().items.every((r: { side: string }) => r.side === 'host'));
    });

    test('bad requests are refused with their reason and write nothing', async () => {
      const before = await count(h, 'meeting_requests');
      const self = await ask(camille, camilleId);
      assert.equal(self.statusCode, 400);
      assert.equal(self.json().error.details[0].reason, 'yourself');
      const outbound = await personOf(
        h,
        'marseille-miami-2026',
        'theo.marchetti@luminy-immunotherapeutics.example',
      );
      const outsider = await ask(camille, outbound.id);
      assert.equal(outsider.statusCode, 400);
      assert.equal(outsider.json().error.details[0].reason, 'not registered in this mission');
      const malformed = await ask(camille, 'nobody');
      assert.equal(malformed.statusCode, 400);
      assert.match(malformed.json().error.details[0].field, /recipientPersonId/);
      const target = strangers[0]!;
      const unavailable = await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/people/${target.id}/availability`,
        headers: { cookie: organizer },
        payload: { unavailable: [{ startsAt: '2027-06-07T00:00:00Z', endsAt: '2027-06-12T00:00:00Z' }] },
      });
      assert.equal(unavailable.statusCode, 200, unavailable.body);
      const outside = await ask(camille, target.id);
      assert.equal(outside.statusCode, 409);
      assert.equal(outside.json().error.details[0].reason, 'no common availability');
      assert.equal(await count(h, 'meeting_requests'), before);
      await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/people/${target.id}/availability`,
        headers: { cookie: organizer },
        payload: { unavailable: [] },
      });
    });

    test('a request, its duplicate, the cap of pending requests', async () => {
      const first = await ask(
        camille,
        strangers[1]!.id,
        'Nous aimerions vous présenter notre télésurveillance.',
      );
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().status, 'pending');
      assert.equal(first.json().direction, 'outgoing');
      const duplicate = await ask(camille, strangers[1]!.id);
      assert.equal(duplicate.statusCode, 409);
      assert.equal(duplicate.json().error.details[0].reason, 'duplicate request');
      const settings = await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/matching-settings`,
        headers: { cookie: organizer },
        payload: { maxPendingRequests: 1 },
      });
      assert.equal(settings.statusCode, 200, settings.body);
      const before = await count(h, 'meeting_requests');
      const over = await ask(camille, strangers[2]!.id);
      assert.equal(over.statusCode, 409);
      assert.equal(over.json().error.details[0].reason, 'at most 1 pending');
      assert.equal(await count(h, 'meeting_requests'), before);
      await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/matching-settings`,
        headers: { cookie: organizer },
        payload: { maxPendingRequests: 20 },
      });
      const asParticipant = await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/matching-settings`,
        headers: { cookie: camille },
        payload: { maxPendingRequests: 99 },
      });
      assert.equal(asParticipant.statusCode, 403);
    });

    test('nobody but the two parties and organizers reads a request or its message', async () => {
      const recipient = await h.signInByLink(strangers[1]!.email);
      const bystander = await h.signInByLink(strangers[3]!.email);
      const mine = (cookie: string) => h.app.inject({ url: `${RETURN}/requests`, headers: { cookie } });
      const seenByRecipient = (await mine(recipient)).json().items;
      const incoming = seenByRecipient.find(
        (r: { requester: { personId: string } }) => r.requester.personId === camilleId,
      );
      assert.equal(incoming.direction, 'incoming');
      assert.match(incoming.message, /télésurveillance/);
      const seenByBystander = (await mine(bystander)).json().items;
      assert.ok(
        !seenByBystander.some((r: { requester: { personId: string } }) => r.requester.personId === camilleId),
      );
      assert.equal(
        (await h.app.inject({ url: `${RETURN}/requests?scope=all`, headers: { cookie: bystander } }))
          .statusCode,
        403,
      );
      assert.equal(
        (await h.app.inject({ url: `${RETURN}/requests`, headers: { cookie: official } })).statusCode,
        403,
      );
      const all = (
        await h.app.inject({ url: `${RETURN}/requests?scope=all`, headers: { cookie: organizer } })
      ).json().items;
      assert.ok(all.some((r: { message: string }) => /télésurveillance/.test(r.message)));
      const statuses = new Set(all.map((r: { status: string }) => r.status));
      for (const s of ['pending', 'accepted', 'declined', 'withdrawn'])
        assert.ok(statuses.has(s), `demo has ${s} requests`);
      // Only the recipient answers; a bystander does not even learn the request exists.
      const id = incoming.id;
      assert.equal(
        (
          await h.app.inject({
            method: 'POST',
            url: `${RETURN}/requests/${id}/accept`,
            headers: { cookie: camille },
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (
          await h.app.inject({
            method: 'POST',
            url: `${RETURN}/requests/${id}/accept`,
            headers: { cookie: bystander },
          })
        ).statusCode,
        404,
      );
      const accepted = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/requests/${id}/accept`,
        headers: { cookie: recipient },
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().status, 'accepted');
      assert.ok(accepted.json().meetingId);
      const again = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/requests/${id}/decline`,
        headers: { cookie: recipient },
        payload: {},
      });
      assert.equal(again.statusCode, 409);
      const meetingTwice = await ask(camille, strangers[1]!.id);
      assert.equal(meetingTwice.json().error.details[0].reason, 'duplicate meeting');
    });

    test('decline with a reason, withdraw, block', async () => {
      const target = strangers[2]!;
      const cookie = await h.signInByLink(target.email);
      const r1 = (await ask(camille, target.id)).json();
      const declined = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/requests/${r1.id}/decline`,
        headers: { cookie },
        payload: { reason: 'Agenda complet' },
      });
      assert.equal(declined.json().status, 'declined');
      assert.equal(declined.json().declineReason, 'Agenda complet');
      const r2 = (await ask(camille, target.id)).json();
      const byOther = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/requests/${r2.id}/withdraw`,
        headers: { cookie },
      });
      assert.equal(byOther.statusCode, 403);
      const withdrawn = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/requests/${r2.id}/withdraw`,
        headers: { cookie: camille },
      });
      assert.equal(withdrawn.json().status, 'withdrawn');
      const block = await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/blocks/${camilleId}`,
        headers: { cookie },
      });
      assert.equal(block.statusCode, 200);
      const blocked = await ask(camille, target.id);
      assert.equal(blocked.statusCode, 409);
      assert.equal(blocked.json().error.details[0].reason, 'blocked');
      const recs = (
        await h.app.inject({ url: `${RETURN}/recommendations?limit=100`, headers: { cookie } })
      ).json().items;
      assert.ok(recs.length > 0 && !recs.some((r: { id: string }) => r.id === camilleOrg));
      await h.app.inject({ method: 'DELETE', url: `${RETURN}/blocks/${camilleId}`, headers: { cookie } });
      assert.equal((await ask(camille, target.id)).statusCode, 201);
    });

    test('requests close before the session and pending ones expire', async () => {
      const pending = (
        await h.app.inject({ url: `${RETURN}/requests?status=pending`, headers: { cookie: camille } })
      ).json().items;
      assert.ok(pending.length > 0);
      await h.ctx.db.kysely
        .updateTable('meeting_requests')
        .set({ expires_at: '2020-01-01T00:00:00.000Z' })
        .where('id', '=', pending[0].id)
        .execute();
      const after = (await h.app.inject({ url: `${RETURN}/requests`, headers: { cookie: camille } })).json()
        .items;
      assert.equal(after.find((r: { id: string }) => r.id === pending[0].id).status, 'expired');
      const early = await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/matching-settings`,
        headers: { cookie: organizer },
        payload: { requestExpiryHours: 24 * 365 },
      });
      assert.equal(early.statusCode, 200, early.body);
      const closed = await ask(camille, strangers[3]!.id);
      assert.equal(closed.statusCode, 409);
      assert.match(closed.json().error.details[0].reason, /^closed since/);
      await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/matching-settings`,
        headers: { cookie: organizer },
        payload: { requestExpiryHours: 72 },
      });
    });
  });
}
