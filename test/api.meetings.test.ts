import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';
import { count, personOf, RETURN, strangersOf } from './support/meetings.ts';

const SLUG = 'miami-marseille-2027';

for (const dialect of await testDialects()) {
  describe(`meetings booked by organizers, and colleagues joining on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let h: Harness;
    let organizer: string;

    before(async () => {
      h = await startHarness(await dialect.create());
      organizer = await h.signIn(DEMO_ACCOUNTS.organizer);
    });
    after(() => h?.close());

    test('organizers book meetings of 2 to 4 people, must-meet if they say; participants cannot', async () => {
      const camille = await personOf(h, SLUG, DEMO_ACCOUNTS.participant);
      const others = await strangersOf(h, SLUG, camille.id, 'delegation');
      const ids = [camille.id, others[0]!.id, others[1]!.id];
      const booked = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings`,
        headers: { cookie: organizer },
        payload: { personIds: ids, mustMeet: true },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      assert.equal(booked.json().mustMeet, true);
      assert.equal(booked.json().participants.length, 3);
      assert.equal(booked.json().status, 'unscheduled');
      const before = await count(h, 'meetings');
      const five = [...ids, others[2]!.id, others[3]!.id];
      const tooMany = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings`,
        headers: { cookie: organizer },
        payload: { personIds: five },
      });
      assert.equal(tooMany.statusCode, 400);
      assert.equal(tooMany.json().error.details[0].field, 'body.personIds');
      const alone = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings`,
        headers: { cookie: organizer },
        payload: { personIds: [camille.id] },
      });
      assert.equal(alone.statusCode, 400);
      const outsider = await personOf(
        h,
        'marseille-miami-2026',
        'theo.marchetti@luminy-immunotherapeutics.example',
      );
      const notInMission = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings`,
        headers: { cookie: organizer },
        payload: { personIds: [camille.id, outsider.id] },
      });
      assert.equal(notInMission.statusCode, 400);
      assert.equal(notInMission.json().error.details[0].field, 'personIds.1');
      const asParticipant = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings`,
        headers: { cookie: await h.signIn(DEMO_ACCOUNTS.participant) },
        payload: { personIds: [camille.id, others[3]!.id] },
      });
      assert.equal(asParticipant.statusCode, 403);
      assert.equal(await count(h, 'meetings'), before);
    });

    test('a second delegate asking a counterpart a colleague already meets is offered to join, and joins', async () => {
      const camille = await personOf(h, SLUG, DEMO_ACCOUNTS.participant);
      const meetings = (
        await h.app.inject({ url: `${RETURN}/meetings`, headers: { cookie: organizer } })
      ).json().items;
      const open = (m: { status: string; participants: { personId: string }[] }) =>
        ['scheduled', 'unscheduled'].includes(m.status) &&
        m.participants.length === 2 &&
        m.participants.some((p) => p.personId === camille.id);
      let hers =
        meetings.find(
          (m: { status: string; participants: { personId: string }[] }) =>
            open(m) && m.status === 'scheduled',
        ) ?? meetings.find(open);
      if (!hers) {
        const [x] = await strangersOf(h, SLUG, camille.id, 'delegation');
        hers = (
          await h.app.inject({
            method: 'POST',
            url: `${RETURN}/meetings`,
            headers: { cookie: organizer },
            payload: { personIds: [camille.id, x!.id] },
          })
        ).json();
      }
      const counterpart = hers.participants.find((p: { personId: string }) => p.personId !== camille.id);
      // A colleague of Camille joins the mission.
      const colleagueEmail = 'lea.fontaine@calanques-medtech.example';
      const now = new Date().toISOString();
      const colleagueId = randomUUID();
      await h.ctx.db.kysely
        .insertInto('people')
        .values({
          id: colleagueId,
          organization_id: camille.organization_id,
          first_name: 'Léa',
          last_name: 'Fontaine',
          email: colleagueEmail,
          title: 'Directrice des ventes',
          language: 'fr',
          search_text: 'lea fontaine',
          notification_mode: 'immediate',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await h.ctx.db.kysely
        .insertInto('registrations')
        .values({
          id: randomUUID(),
          mission_id: camille.mission_id,
          person_id: colleagueId,
          organization_id: camille.organization_id,
          side: camille.side,
          presence_days: '[]',
          created_at: now,
        })
        .execute();
      const { addUser, grantMissionRole } = await import('../src/services/users.service.ts');
      await addUser(h.ctx, 'system', { email: colleagueEmail, displayName: 'Léa Fontaine' });
      await h.ctx.db.kysely
        .updateTable('users')
        .set({ person_id: colleagueId })
        .where('email', '=', colleagueEmail)
        .execute();
      await grantMissionRole(h.ctx, 'system', SLUG, { email: colleagueEmail, role: 'participant' });
      const colleague = await h.signInByLink(colleagueEmail);

      const asked = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/requests`,
        headers: { cookie: colleague },
        payload: { recipientPersonId: counterpart.personId },
      });
      assert.equal(asked.statusCode, 409);
      const details = asked.json().error.details;
      assert.equal(details[0].reason, 'colleague already meets them');
      assert.equal(details[1].field, 'joinMeetingId');
      assert.equal(details[1].reason, hers.id);
      const joined = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings/${hers.id}/join`,
        headers: { cookie: colleague },
      });
      assert.equal(joined.statusCode, 200, joined.body);
      assert.equal(joined.json().participants.length, 3);
      if (hers.status === 'scheduled')
        assert.ok(joined.json().sequence > hers.sequence, 'the calendars of those already in it update');
      const twice = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings/${hers.id}/join`,
        headers: { cookie: colleague },
      });
      assert.equal(twice.statusCode, 409);
      const stranger = await h.signInByLink((await strangersOf(h, SLUG, camille.id, 'delegation'))[5]!.email);
      const notColleague = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings/${hers.id}/join`,
        headers: { cookie: stranger },
      });
      assert.equal(notColleague.statusCode, 404);
    });

    test('a must-meet meeting is placed before normal ones when slots run short', async () => {
      const camille = await personOf(h, SLUG, DEMO_ACCOUNTS.participant);
      const others = await strangersOf(h, SLUG, camille.id, 'delegation');
      const session = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/sessions`,
        headers: { cookie: organizer },
        payload: {
          title: 'Une seule table',
          slotMinutes: 30,
          days: [{ day: '2027-06-11', startsAt: '09:00', endsAt: '09:30' }],
          tables: [{ name: 'Unique' }],
        },
      });
      const sessionId = session.json().id;
      // The demo gives some people fewer days; these four are there the whole mission.
      const reset = await h.app.inject({
        method: 'PUT',
        url: `${RETURN}/availability`,
        headers: { cookie: organizer },
        payload: {
          people: others.slice(6, 10).map((p) => ({ email: p.email, presenceDays: [], unavailable: [] })),
        },
      });
      assert.equal(reset.statusCode, 200, reset.body);
      const normal = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings`,
        headers: { cookie: organizer },
        payload: { personIds: [others[6]!.id, others[7]!.id], sessionId },
      });
      const must = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/meetings`,
        headers: { cookie: organizer },
        payload: { personIds: [others[8]!.id, others[9]!.id], mustMeet: true, sessionId },
      });
      assert.equal(normal.statusCode, 201, normal.body);
      const { runScheduler } = await import('./support/meetings.ts');
      const run = await runScheduler(h, organizer, SLUG, sessionId);
      assert.equal(run.figures.scheduled, 1);
      assert.deepEqual(
        run.assignments.map((a: { meetingId: string }) => a.meetingId),
        [must.json().id],
      );
      assert.equal(run.unscheduled[0].meetingId, normal.json().id);
      assert.ok(run.unscheduled[0].reason.length > 0);
    });
  });
}
