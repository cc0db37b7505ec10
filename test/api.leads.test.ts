import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';
import { personOf } from './support/meetings.ts';

const SLUG = 'marseille-miami-2026';
const BASE = `/api/v1/missions/${SLUG}`;

for (const dialect of await testDialects()) {
  describe(`leads, their history and their privacy on ${dialect.name}`, { skip: dialect.skip }, () => {
    let h: Harness;
    let camille: string;
    let organizer: string;
    let official: string;
    let heldMeeting: { id: string; participants: { organizationId: string; organization: string }[] };
    let leadId: string;

    before(async () => {
      h = await startHarness(await dialect.create());
      camille = await h.signIn(DEMO_ACCOUNTS.participant);
      organizer = await h.signIn(DEMO_ACCOUNTS.organizer);
      official = await h.signIn(DEMO_ACCOUNTS.official);
      const me = await personOf(h, SLUG, DEMO_ACCOUNTS.participant);
      const mine = (await h.app.inject({ url: `${BASE}/meetings`, headers: { cookie: camille } })).json()
        .items;
      heldMeeting = mine.find(
        (m: { status: string; participants: { personId: string }[] }) =>
          m.status === 'held' && m.participants.some((p) => p.personId === me.id),
      );
      assert.ok(heldMeeting, 'the demo gives Camille a held meeting');
    });
    after(() => h?.close());

    const post = (cookie: string, payload: Record<string, unknown>) =>
      h.app.inject({ method: 'POST', url: `${BASE}/leads`, headers: { cookie }, payload });
    const patch = (cookie: string, id: string, payload: Record<string, unknown>) =>
      h.app.inject({ method: 'PATCH', url: `${BASE}/leads/${id}`, headers: { cookie }, payload });
    const leadCount = async () =>
      Number(
        (
          await h.ctx.db.kysely
            .selectFrom('leads')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('a lead from a held meeting in one click: parties, title and sector prefilled', async () => {
      const res = await post(camille, { meetingIds: [heldMeeting.id] });
      assert.equal(res.statusCode, 201, res.body);
      const lead = res.json();
      leadId = lead.id;
      const other = heldMeeting.participants.find((p) => p.organization !== 'Calanques MedTech')!;
      assert.equal(lead.title, other.organization);
      assert.deepEqual(
        lead.organizations.map((o: { name: string }) => o.name).sort(),
        ['Calanques MedTech', other.organization].sort(),
      );
      assert.equal(lead.stage, 'contact');
      assert.equal(lead.sectorCode, 'health');
      assert.deepEqual(lead.meetingIds, [heldMeeting.id]);
      assert.equal(lead.history.length, 1);
    });

    test('moved to signed with an amount and jobs; every change in the history; only organizers confirm', async () => {
      const signed = await patch(camille, leadId, {
        stage: 'signed',
        amount: 120000,
        currency: 'USD',
        jobsActual: 2,
        jobsProjected: 5,
        counterfactual: 'no',
      });
      assert.equal(signed.statusCode, 200, signed.body);
      const lead = signed.json();
      assert.equal(lead.stage, 'signed');
      assert.ok(lead.signedOn, 'signing dates the lead');
      const last = lead.history.at(-1);
      assert.deepEqual(last.changes.stage, ['contact', 'signed']);
      assert.deepEqual(last.changes.amount, [null, 120000]);
      assert.equal(last.by, 'Camille Roux');
      const confirm = await patch(camille, leadId, {
        evidence: 'confirmed',
        evidenceNote: 'Bon de commande',
      });
      assert.equal(confirm.statusCode, 403);
      const noNote = await patch(organizer, leadId, { evidence: 'confirmed' });
      assert.equal(noNote.statusCode, 400);
      assert.equal(noNote.json().error.details[0].field, 'evidenceNote');
      const ok = await patch(organizer, leadId, {
        evidence: 'confirmed',
        evidenceNote: 'Bon de commande du 24 novembre',
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().evidence, 'confirmed');
    });

    test('bad input names its field and writes nothing', async () => {
      const before = await leadCount();
      const abandoned = await post(camille, { title: 'Sans suite', stage: 'abandoned' });
      assert.equal(abandoned.statusCode, 400);
      assert.equal(abandoned.json().error.details[0].field, 'abandonReason');
      const yen = await post(camille, { title: 'Japon', amount: 5, currency: 'JPY' });
      assert.equal(yen.statusCode, 400);
      assert.equal(yen.json().error.details[0].field, 'currency');
      const badType = await post(camille, { title: 'x', type: 'gift' });
      assert.equal(badType.statusCode, 400);
      assert.equal(badType.json().error.details[0].field, 'body.type');
      const future = (
        await h.app.inject({
          url: '/api/v1/missions/miami-marseille-2027/meetings',
          headers: { cookie: camille },
        })
      ).json().items[0];
      const notHeld = await h.app.inject({
        method: 'POST',
        url: '/api/v1/missions/miami-marseille-2027/leads',
        headers: { cookie: camille },
        payload: { meetingIds: [future.id] },
      });
      assert.equal(notHeld.statusCode, 400);
      assert.match(notHeld.json().error.details[0].reason, /held meeting/);
      assert.equal(await leadCount(), before);
    });

    test('another company never sees the lead; officials never read leads or notes', async () => {
      await patch(camille, leadId, { notes: 'Confidentiel : marge de 12 %' });
      const outsider = await h.signInByLink('theo.marchetti@luminy-immunotherapeutics.example');
      assert.equal(
        (await h.app.inject({ url: `${BASE}/leads/${leadId}`, headers: { cookie: outsider } })).statusCode,
        404,
      );
      assert.equal(
        (await patch(outsider, leadId, { stage: 'abandoned', abandonReason: 'x' })).statusCode,
        404,
      );
      const theirs = (await h.app.inject({ url: `${BASE}/leads`, headers: { cookie: outsider } })).json()
        .items;
      assert.ok(!theirs.some((l: { id: string }) => l.id === leadId));
      // The counterpart company shares the lead.
      const other = heldMeeting.participants.find((p) => p.organization !== 'Calanques MedTech')!;
      const counterpartEmail = await h.ctx.db.kysely
        .selectFrom('people')
        .select('email')
        .where('organization_id', '=', other.organizationId)
        .executeTakeFirstOrThrow();
      const counterpart = await h.signInByLink(counterpartEmail.email);
      const shared = await h.app.inject({ url: `${BASE}/leads/${leadId}`, headers: { cookie: counterpart } });
      assert.equal(shared.statusCode, 200);
      assert.equal(
        (await h.app.inject({ url: `${BASE}/leads`, headers: { cookie: official } })).statusCode,
        403,
      );
      assert.equal(
        (await h.app.inject({ url: `${BASE}/leads/${leadId}`, headers: { cookie: official } })).statusCode,
        403,
      );
      const impact = await h.app.inject({ url: `${BASE}/impact`, headers: { cookie: official } });
      assert.equal(impact.statusCode, 200);
      assert.doesNotMatch(impact.body, /Confidentiel|Notes internes/);
      assert.equal(
        (await h.app.inject({ url: `${BASE}/impact`, headers: { cookie: camille } })).statusCode,
        403,
      );
      const all = (await h.app.inject({ url: `${BASE}/leads`, headers: { cookie: organizer } })).json().items;
      assert.ok(all.some((l: { id: string }) => l.id === leadId));
    });

    test('the signed lead shows in the dashboard under its sector, in the reporting currency', async () => {
      const d = (await h.app.inject({ url: `${BASE}/impact`, headers: { cookie: official } })).json();
      const rate = (await h.app.inject({ url: `${BASE}/rates`, headers: { cookie: organizer } }))
        .json()
        .rates.find((r: { currency: string }) => r.currency === 'USD').rate;
      const health = d.bySector.find((s: { sector: string }) => s.sector === 'health');
      assert.ok(health.signed >= 1);
      assert.ok(d.value.signedConfirmed >= Math.round(120000 * rate * 100) / 100);
      assert.ok(
        d.partnership.length === 3 &&
          d.partnership.some((m: { slug: string }) => m.slug === 'miami-marseille-2027'),
      );
      const bad = await h.app.inject({
        method: 'PUT',
        url: `${BASE}/rates`,
        headers: { cookie: camille },
        payload: { currency: 'JPY', rate: 0.006, recordedOn: '2026-11-20' },
      });
      assert.equal(bad.statusCode, 403);
    });

    test('the report and the surveys: organizers and officials only; participants and strangers get 403 or 401', async () => {
      const pdf = await h.app.inject({
        url: `${BASE}/report?format=pdf&lang=en`,
        headers: { cookie: official },
      });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
      const xlsx = await h.app.inject({ url: `${BASE}/report?format=xlsx`, headers: { cookie: organizer } });
      assert.equal(xlsx.statusCode, 200);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
      const csv = await h.app.inject({ url: `${BASE}/report?format=csv`, headers: { cookie: organizer } });
      assert.equal(csv.statusCode, 200);
      const lines = csv.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\n');
      assert.match(lines[0]!, /^id,title,type,stage,sector/);
      const all = (await h.app.inject({ url: `${BASE}/leads`, headers: { cookie: organizer } })).json().items;
      assert.equal(lines.length - 1, all.length, 'one line per lead');
      for (const [method, url] of [
        ['GET', `${BASE}/report?format=json`],
        ['GET', `${BASE}/surveys`],
        ['POST', `${BASE}/surveys`],
        ['POST', `${BASE}/surveys/send`],
        ['GET', `${BASE}/impact`],
      ] as const) {
        const res = await h.app.inject({
          method,
          url,
          headers: { cookie: camille },
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        assert.equal(res.statusCode, 403, `${method} ${url}`);
      }
      assert.equal(
        (await h.app.inject({ method: 'POST', url: `${BASE}/surveys/send`, headers: { cookie: official } }))
          .statusCode,
        403,
      );
      assert.equal(
        (await h.app.inject({ url: `${BASE}/surveys`, headers: { cookie: official } })).statusCode,
        200,
      );
    });
  });
}
