import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';

const MISSION = '/api/v1/missions/marseille-miami-2026';
const OTHER_PARTICIPANT = 'theo.marchetti@luminy-immunotherapeutics.example';

for (const dialect of await testDialects()) {
  describe(`directory and profiles on ${dialect.name}`, { skip: dialect.skip }, () => {
    let h: Harness;
    let organizer: string;
    let participant: string;
    let official: string;
    let other: string;
    let ownOrgId: string;
    let otherOrgId: string;

    before(async () => {
      h = await startHarness(await dialect.create());
      organizer = await h.signIn(DEMO_ACCOUNTS.organizer);
      participant = await h.signIn(DEMO_ACCOUNTS.participant);
      official = await h.signIn(DEMO_ACCOUNTS.official);
      other = await h.signInByLink(OTHER_PARTICIPANT);
      ownOrgId = (await h.app.inject({ url: '/api/v1/session', headers: { cookie: participant } })).json()
        .user.organizationId;
      otherOrgId = (await h.app.inject({ url: '/api/v1/session', headers: { cookie: other } })).json().user
        .organizationId;
    });
    after(() => h?.close());

    const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });
    const patch = (url: string, cookie: string, payload: unknown) =>
      h.app.inject({ method: 'PATCH', url, headers: { cookie }, payload: payload as object });

    test('lists the mission organizations by page, with totals that add up', async () => {
      const first = (await get(`${MISSION}/organizations?pageSize=40`, participant)).json();
      assert.equal(first.total, 100);
      assert.equal(first.items.length, 40);
      const third = (await get(`${MISSION}/organizations?pageSize=40&page=3`, participant)).json();
      assert.equal(third.items.length, 20);
      const ids = new Set([...first.items, ...third.items].map((o: { id: string }) => o.id));
      assert.equal(ids.size, 60);
    });

    test('filters by sector and side and searches text without accents or case', async () => {
      const health = (await get(`${MISSION}/organizations?sector=health&pageSize=100`, participant)).json();
      assert.ok(health.total > 10);
      assert.ok(health.items.every((o: { sectors: string[] }) => o.sectors.includes('health')));
      const hostHealth = (
        await get(`${MISSION}/organizations?sector=health&side=host&pageSize=100`, participant)
      ).json();
      assert.ok(hostHealth.total > 0 && hostHealth.total < health.total);
      assert.ok(hostHealth.items.every((o: { side: string }) => o.side === 'host'));
      const found = (
        await get(`${MISSION}/organizations?q=${encodeURIComponent('HOPITAUX cote')}`, participant)
      ).json();
      assert.deepEqual(
        found.items.map((o: { name: string }) => o.name),
        ['Hôpitaux de la Côte Bleue'],
      );
      const byOffer = (await get(`${MISSION}/organizations?q=ocean%20freight`, participant)).json();
      assert.ok(byOffer.items.some((o: { name: string }) => o.name === 'Miami River Logistics'));
    });

    test('an organization page shows offers and requests; e-mails only to its own people and organizers', async () => {
      const seenByOther = (await get(`${MISSION}/organizations/${ownOrgId}`, other)).json();
      assert.equal(seenByOther.name, 'Calanques MedTech');
      assert.ok(seenByOther.offers.length >= 2);
      assert.ok(seenByOther.requests.length >= 2);
      assert.equal(seenByOther.canEdit, false);
      assert.equal(seenByOther.people[0].email, undefined);
      const seenByOwner = (await get(`${MISSION}/organizations/${ownOrgId}`, participant)).json();
      assert.equal(seenByOwner.canEdit, true);
      assert.equal(seenByOwner.people[0].email, DEMO_ACCOUNTS.participant);
      const people = (await get(`${MISSION}/people?q=roux`, official)).json();
      assert.equal(people.items[0].email, undefined);
      const peopleForOrganizer = (await get(`${MISSION}/people?q=roux`, organizer)).json();
      assert.equal(peopleForOrganizer.items[0].email, DEMO_ACCOUNTS.participant);
    });

    test('a participant edits its own organization; the change is audited and searchable', async () => {
      const res = await patch(`${MISSION}/organizations/${ownOrgId}`, participant, {
        description: 'Capteurs cardiaques et télésurveillance, désormais avec un bureau à Miami.',
        sectors: ['health', 'digital'],
        opportunities: [
          { kind: 'offer', text: 'Télésurveillance des patients', language: 'fr' },
          { kind: 'request', text: 'Hospital partners for a clinical study', language: 'en' },
        ],
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().sectors, ['health', 'digital']);
      assert.equal(res.json().requests[0].language, 'en');
      const search = (await get(`${MISSION}/organizations?q=bureau%20a%20miami`, other)).json();
      assert.equal(search.items[0]?.id, ownOrgId);
      const audit = await h.ctx.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'organization')
        .where('entity_id', '=', ownOrgId)
        .where('action', '=', 'update')
        .execute();
      assert.equal(audit.length, 1);
    });

    test('a participant cannot change another organization, an official cannot write at all', async () => {
      const byParticipant = await patch(`${MISSION}/organizations/${otherOrgId}`, participant, {
        city: 'Nice',
      });
      assert.equal(byParticipant.statusCode, 403);
      const byOfficial = await patch(`${MISSION}/organizations/${ownOrgId}`, official, { city: 'Nice' });
      assert.equal(byOfficial.statusCode, 403);
      const org = (await get(`${MISSION}/organizations/${otherOrgId}`, organizer)).json();
      assert.notEqual(org.city, 'Nice');
      const byOrganizer = await patch(`${MISSION}/organizations/${otherOrgId}`, organizer, {
        city: 'Marseille 9e',
      });
      assert.equal(byOrganizer.statusCode, 200);
    });

    test('a participant edits only its own person', async () => {
      const me = (await get('/api/v1/session', participant)).json().user;
      const ok = await patch(`${MISSION}/people/${me.personId}`, participant, { title: 'CEO' });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().title, 'CEO');
      const otherMe = (await get('/api/v1/session', other)).json().user;
      const denied = await patch(`${MISSION}/people/${otherMe.personId}`, participant, { title: 'Intern' });
      assert.equal(denied.statusCode, 403);
      const denied2 = await patch(`${MISSION}/people/${me.personId}`, official, { title: 'Intern' });
      assert.equal(denied2.statusCode, 403);
    });

    test('bad input answers 400 naming the field and changes nothing', async () => {
      const cases: [unknown, string][] = [
        [{ city: 'x'.repeat(201) }, 'body.city'],
        [{ sectors: ['space_tourism'] }, 'body.sectors.0'],
        [{ website: 'javascript:alert(1)' }, 'body.website'],
        [{ nickname: 'x' }, 'body'],
        [{ opportunities: [{ kind: 'gift', text: 'x', language: 'fr' }] }, 'body.opportunities.0.kind'],
        [{ description: 42 }, 'body.description'],
      ];
      for (const [payload, field] of cases) {
        const res = await patch(`${MISSION}/organizations/${ownOrgId}`, participant, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().error.code, 'validation_failed');
        assert.ok(
          res.json().error.details.some((d: { field: string }) => d.field === field),
          `${JSON.stringify(payload)} → ${res.body}`,
        );
      }
      const malformed = await h.app.inject({
        method: 'PATCH',
        url: `${MISSION}/organizations/${ownOrgId}`,
        headers: { cookie: participant, 'content-type': 'application/json' },
        payload: '{"city": ',
      });
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().error.code, 'validation_failed');
      const org = (await get(`${MISSION}/organizations/${ownOrgId}`, participant)).json();
      assert.equal(org.city, 'Marseille');
      const badQuery = await get(`${MISSION}/organizations?pageSize=1000`, participant);
      assert.equal(badQuery.statusCode, 400);
      assert.equal(badQuery.json().error.details[0].field, 'querystring.pageSize');
    });

    test('the overview counts organizations per sector and side, and lists the programme', async () => {
      const o = (await get(MISSION, official)).json();
      assert.equal(o.role, 'official');
      assert.equal(o.counts.organizations, 100);
      const digitalHost = o.bySector.find(
        (r: { sector: string; side: string }) => r.sector === 'digital' && r.side === 'host',
      );
      const direct = (await get(`${MISSION}/organizations?sector=digital&side=host`, official)).json();
      assert.equal(digitalHost.organizations, direct.total);
      assert.ok(o.programme.length >= 5);
      assert.equal(o.programme[0].kind, 'plenary');
    });

    test('a member of one mission cannot read a mission it has no role in', async () => {
      const create = await h.app.inject({
        method: 'POST',
        url: '/api/v1/missions',
        headers: { cookie: organizer },
        payload: {
          slug: 'x',
          title: 'x',
          origin: 'a',
          host: 'b',
          timezone: 'UTC',
          startsOn: '2027-01-01',
          endsOn: '2027-01-02',
        },
      });
      assert.equal(create.statusCode, 403);
      const ret = await get('/api/v1/missions/miami-marseille-2027/organizations', other);
      assert.equal(ret.statusCode, 403);
      const missing = await get('/api/v1/missions/no-such-mission', organizer);
      assert.equal(missing.statusCode, 404);
    });
  });
}
