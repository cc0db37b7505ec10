import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, hasPdftotext, SCREENSHOTS, useBrowserApp } from './support/browser.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type Harness } from './support/harness.ts';

const skip = browserSkipReason();
const SLUG = 'marseille-miami-2026';

describe('from a held meeting to the officials’ report, in Chromium', { skip }, () => {
  const app = useBrowserApp();
  let h: Harness;
  let browser: Browser;
  let base: string;
  before(() => {
    ({ h, browser, base } = app);
  });

  async function signIn(email: string, lang: 'fr' | 'en'): Promise<Page> {
    const context = await browser.newContext({
      locale: lang === 'fr' ? 'fr-FR' : 'en-US',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL((u) => u.pathname === '/');
    return page;
  }

  test('a participant turns a held meeting into a signed lead; the dashboard and the PDF report show it', async (t) => {
    // One of Camille's held meetings has no lead yet, whatever the demo drew.
    const held = await h.ctx.db.kysely
      .selectFrom('meetings as m')
      .innerJoin('meeting_participants as mp', 'mp.meeting_id', 'm.id')
      .innerJoin('people as p', 'p.id', 'mp.person_id')
      .innerJoin('missions as mi', 'mi.id', 'm.mission_id')
      .select('m.id')
      .where('p.email', '=', DEMO_ACCOUNTS.participant)
      .where('mi.slug', '=', SLUG)
      .where('m.status', '=', 'held')
      .executeTakeFirstOrThrow();
    await h.ctx.db.kysely
      .deleteFrom('leads')
      .where('id', 'in', (eb) =>
        eb.selectFrom('lead_meetings').select('lead_id').where('meeting_id', '=', held.id),
      )
      .execute();
    const official = await h.signIn(DEMO_ACCOUNTS.official);
    const before = (
      await h.app.inject({ url: `/api/v1/missions/${SLUG}/impact`, headers: { cookie: official } })
    ).json();
    const healthBefore = before.bySector.find((s: { sector: string }) => s.sector === 'health') ?? {
      signed: 0,
      value: 0,
    };

    const camille = await signIn(DEMO_ACCOUNTS.participant, 'fr');
    await camille.goto(`${base}/missions/${SLUG}/leads`);
    await camille
      .getByTestId('held-meeting')
      .first()
      .getByRole('button', { name: 'Créer une piste' })
      .click();
    await camille.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    const form = camille.getByTestId('lead-form');
    await form.locator('select[name=stage]').selectOption('signed');
    await form.locator('input[name=amount]').fill('250000');
    await form.locator('input[name=currency]').fill('EUR');
    await form.locator('input[name=jobsActual]').fill('4');
    await form.locator('input[name=jobsProjected]').fill('6');
    await camille.screenshot({ path: join(SCREENSHOTS, '20-lead-signed-fr.png'), fullPage: true });
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await camille
      .getByTestId('lead-history')
      .getByText(/étape: contact → signed/)
      .waitFor();
    const leadId = camille.url().split('/').at(-1)!;
    const lead = await h.ctx.db.kysely
      .selectFrom('leads')
      .selectAll()
      .where('id', '=', leadId)
      .executeTakeFirstOrThrow();
    assert.equal(lead.stage, 'signed');
    assert.equal(lead.amount, 250000);
    assert.equal(lead.jobs_actual, 4);
    assert.equal(lead.sector_code, 'health');

    const after = (
      await h.app.inject({ url: `/api/v1/missions/${SLUG}/impact`, headers: { cookie: official } })
    ).json();
    const healthAfter = after.bySector.find((s: { sector: string }) => s.sector === 'health');
    assert.equal(healthAfter.signed, healthBefore.signed + 1);
    assert.equal(Math.round(healthAfter.value - healthBefore.value), 250000);
    assert.equal(after.jobs.actualTotal, before.jobs.actualTotal + 4);

    const paul = await signIn(DEMO_ACCOUNTS.official, 'fr');
    await paul.goto(`${base}/missions/${SLUG}/impact`);
    const money = (v: number) =>
      new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
        v,
      );
    await paul
      .getByTestId('signed-value')
      .filter({ hasText: money(after.value.signedTotal) })
      .waitFor();
    const row = paul.getByTestId('by-sector').locator('tr', { hasText: 'Santé et sciences de la vie' });
    assert.match((await row.textContent()) ?? '', new RegExp(money(healthAfter.value).replace(/\s/g, '\\s')));
    await paul.screenshot({ path: join(SCREENSHOTS, '21-impact-official-fr.png'), fullPage: true });
    const [download] = await Promise.all([
      paul.waitForEvent('download'),
      paul.getByTestId('report-pdf').click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    if (hasPdftotext()) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
      const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
      assert.ok(text.includes(plain(money(after.value.signedTotal))), 'the report shows the signed value');
      assert.ok(text.includes(plain(money(healthAfter.value))), 'the report shows the health sector’s value');
      assert.match(text, /Santé et sciences de la vie/);
    } else {
      t.diagnostic('pdftotext is not installed (apt-get install poppler-utils): the PDF was not read back');
    }
    for (const p of [camille, paul]) await p.context().close();
  });
});
