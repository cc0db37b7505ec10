import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../src/domain/errors.ts';
import { createMission } from '../src/services/missions.service.ts';
import { exportRoster } from '../src/services/roster/export.service.ts';
import { importRoster } from '../src/services/roster/import.service.ts';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';
import { csvRows, FRENCH_ROSTER_CSV, HEADER_EN, SMALL_ROSTER_CSV, xlsxOf } from './support/roster.ts';

async function counts(h: Harness) {
  const db = h.ctx.db.kysely;
  const n = async (table: 'organizations' | 'people' | 'registrations' | 'opportunities' | 'users') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    organizations: await n('organizations'),
    people: await n('people'),
    registrations: await n('registrations'),
    opportunities: await n('opportunities'),
    users: await n('users'),
  };
}

for (const dialect of await testDialects()) {
  describe(`spreadsheet import and export on ${dialect.name}`, { skip: dialect.skip }, () => {
    let h: Harness;
    let slug = 0;
    const newMission = async () => {
      slug++;
      const m = await createMission(h.ctx, 'system', {
        slug: `import-test-${slug}`,
        title: 'Import test',
        origin: 'Aix-Marseille-Provence',
        host: 'Miami-Dade',
        timezone: 'America/New_York',
        startsOn: '2027-03-01',
        endsOn: '2027-03-03',
      });
      return m.slug;
    };
    before(async () => {
      h = await startHarness(await dialect.create());
    });
    after(() => h?.close());

    test('imports a CSV, then re-importing the same file changes nothing', async () => {
      const mission = await newMission();
      const before = await counts(h);
      const first = await importRoster(h.ctx, 'system', mission, Buffer.from(SMALL_ROSTER_CSV), {
        dryRun: false,
      });
      assert.deepEqual(first.organizations, { created: 2, updated: 0, unchanged: 0 });
      assert.deepEqual(first.people, { created: 3, updated: 0, unchanged: 0 });
      assert.equal(first.accounts.created, 3);
      const middle = await counts(h);
      assert.equal(middle.organizations - before.organizations, 2);
      assert.equal(middle.opportunities - before.opportunities, 5);
      const again = await importRoster(h.ctx, 'system', mission, Buffer.from(SMALL_ROSTER_CSV), {
        dryRun: false,
      });
      assert.deepEqual(again.organizations, { created: 0, updated: 0, unchanged: 2 });
      assert.deepEqual(again.people, { created: 0, updated: 0, unchanged: 3 });
      assert.deepEqual(again.registrations, { created: 0, updated: 0, unchanged: 3 });
      assert.deepEqual(await counts(h), middle);
    });

    test('reads French headers, semicolons, a BOM, CRLF and French values', async () => {
      const mission = await newMission();
      const s = await importRoster(h.ctx, 'system', mission, Buffer.from(FRENCH_ROSTER_CSV), {
        dryRun: false,
      });
      assert.equal(s.rows, 2);
      const exported = await exportRoster(h.ctx, 'system', mission, 'csv');
      const rows = parse(exported.data.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<
        string,
        string
      >[];
      const frioul = rows.find((r) => r.organization === 'Navettes du Frioul');
      assert.equal(frioul?.side, 'delegation');
      assert.equal(frioul?.kind, 'company');
      assert.equal(frioul?.sectors, 'tourism');
      assert.equal(rows.find((r) => r.organization === 'Everglades Tours')?.side, 'host');
    });

    test('refuses a file with bad rows whole, listing every bad row by number, column and reason', async () => {
      const mission = await newMission();
      const before = await counts(h);
      const csv = [
        HEADER_EN,
        'delegation,Good Co,company,France,Marseille,,digital,,,,Ana,Good,ana@good.example,,fr',
        'martians,Bad Co,company,France,,,digital,,,,Bo,Bad,not-an-email,,de',
        'host,Other Co,spaceship,United States,,ftp://x,quantum gastronomy,,,,Cy,Other,cy@other.example,,en',
        'host,Dup Co,company,United States,,,,,,,Di,Dup,ANA@good.example,,en',
      ].join('\n');
      await assert.rejects(
        importRoster(h.ctx, 'system', mission, Buffer.from(csv), { dryRun: false }),
        (err: unknown) => {
          assert.ok(err instanceof AppError);
          assert.equal(err.code, 'import_rejected');
          const got = err.details.map((d) => `${d.row}:${d.field}`);
          for (const expected of [
            '3:side',
            '3:email',
            '3:language',
            '4:kind',
            '4:website',
            '4:sectors',
            '5:email',
          ]) {
            assert.ok(got.includes(expected), `missing ${expected} in ${got.join(' ')}`);
          }
          assert.ok(!got.some((g) => g.startsWith('2:')));
          assert.match(err.details.find((d) => d.row === 5)!.reason, /row 2/);
          return true;
        },
      );
      assert.deepEqual(await counts(h), before);
    });

    test('names a missing required column and an unknown one', async () => {
      const mission = await newMission();
      const csv = 'side,organization,kind,country,first_name,last_name,colour\nhost,A,company,France,A,B,red';
      await assert.rejects(
        importRoster(h.ctx, 'system', mission, Buffer.from(csv), { dryRun: false }),
        (err: AppError) => {
          const fields = err.details.map((d) => d.field);
          assert.ok(fields.includes('email') && fields.includes('language') && fields.includes('colour'));
          return true;
        },
      );
    });

    test('a dry run reports what would change and writes nothing', async () => {
      const mission = await newMission();
      const before = await counts(h);
      const s = await importRoster(
        h.ctx,
        'system',
        mission,
        Buffer.from(FRENCH_ROSTER_CSV.replaceAll('Navettes du Frioul', 'Navettes Dry')),
        {
          dryRun: true,
        },
      );
      assert.equal(s.dryRun, true);
      assert.equal(s.organizations.created, 1);
      assert.deepEqual(await counts(h), before);
    });

    test('imports XLSX, and the exported XLSX re-imports with no change', async () => {
      const mission = await newMission();
      const xlsx = await xlsxOf(csvRows(SMALL_ROSTER_CSV.replaceAll('.example', '-x.example')));
      const first = await importRoster(h.ctx, 'system', mission, xlsx, { dryRun: false });
      assert.equal(first.people.created, 3);
      const { data } = await exportRoster(h.ctx, 'system', mission, 'xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      assert.equal(wb.worksheets[0]!.rowCount, 4);
      const again = await importRoster(h.ctx, 'system', mission, data, { dryRun: false });
      assert.deepEqual(again.organizations, { created: 0, updated: 0, unchanged: 2 });
      assert.deepEqual(again.people, { created: 0, updated: 0, unchanged: 3 });
    });

    test('the demo mission exports and re-imports unchanged', async () => {
      const { data } = await exportRoster(h.ctx, 'system', 'marseille-miami-2026', 'csv');
      const s = await importRoster(h.ctx, 'system', 'marseille-miami-2026', data, { dryRun: true });
      assert.equal(s.rows, 100);
      assert.equal(s.organizations.unchanged, 100);
      assert.equal(s.people.unchanged, 100);
    });

    test('over HTTP: organizers import and export; participants and officials may not', async () => {
      const organizer = await h.signIn(DEMO_ACCOUNTS.organizer);
      const participant = await h.signIn(DEMO_ACCOUNTS.participant);
      const url = '/api/v1/missions/marseille-miami-2026';
      const body = SMALL_ROSTER_CSV.replaceAll('.example', '-http.example');
      const denied = await h.app.inject({
        method: 'POST',
        url: `${url}/import`,
        headers: { cookie: participant, 'content-type': 'text/csv' },
        payload: body,
      });
      assert.equal(denied.statusCode, 403);
      const dry = await h.app.inject({
        method: 'POST',
        url: `${url}/import?dryRun=true`,
        headers: { cookie: organizer, 'content-type': 'text/csv' },
        payload: body,
      });
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().people.created, 3);
      const bad = await h.app.inject({
        method: 'POST',
        url: `${url}/import`,
        headers: { cookie: organizer, 'content-type': 'text/csv' },
        payload: `${HEADER_EN}\nhost,X,company,France,,,,,,,A,B,nope,,fr`,
      });
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(bad.json().error.details, [
        { row: 2, field: 'email', reason: 'not a valid e-mail address' },
      ]);
      const exp = await h.app.inject({ url: `${url}/export?format=csv`, headers: { cookie: organizer } });
      assert.equal(exp.statusCode, 200);
      assert.match(exp.headers['content-disposition'] as string, /attachment/);
      assert.ok(exp.body.includes('camille.roux@calanques-medtech.example'));
      const official = await h.signIn(DEMO_ACCOUNTS.official);
      for (const cookie of [participant, official]) {
        const expDenied = await h.app.inject({ url: `${url}/export`, headers: { cookie } });
        assert.equal(expDenied.statusCode, 403);
      }
      const importByOfficial = await h.app.inject({
        method: 'POST',
        url: `${url}/import`,
        headers: { cookie: official, 'content-type': 'text/csv' },
        payload: body,
      });
      assert.equal(importByOfficial.statusCode, 403);
    });
  });
}
