import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, SCREENSHOTS, useBrowserApp } from './support/browser.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type Harness } from './support/harness.ts';

const skip = browserSkipReason();

describe('the web app in Chromium', { skip }, () => {
  const app = useBrowserApp();
  let h: Harness;
  let browser: Browser;
  let base: string;
  before(() => {
    ({ h, browser, base } = app);
  });

  async function newPage(lang: 'fr' | 'en', viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', viewport });
    return context.newPage();
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${base}/sign-in`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
  }

  test('signs in, switches language, filters the directory by sector, edits its own profile', async () => {
    const page = await newPage('en');
    await page.goto(`${base}/missions/marseille-miami-2026`);
    await page.getByText('Why meet Miami-Dade').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '01-public-mission.png'), fullPage: true });

    await signIn(page, DEMO_ACCOUNTS.participant);
    await page.getByRole('heading', { name: 'My missions' }).waitFor();
    await page.click('[data-testid=language-switch]');
    await page.getByRole('heading', { name: 'Mes missions' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.screenshot({ path: join(SCREENSHOTS, '02-missions-fr.png') });

    await page.getByRole('link', { name: /Aix-Marseille-Provence à Miami-Dade/ }).click();
    await page.getByText('Organisations par filière').waitFor();
    const workshop = page.locator('.programme li', { hasText: 'Atelier santé' });
    await workshop.getByText('0 / 60 places').waitFor();
    await workshop.getByRole('button', { name: 'S’inscrire' }).click();
    await workshop.getByText('1 / 60 places').waitFor();
    await workshop.getByRole('button', { name: 'Annuler mon inscription' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '03-overview-fr.png'), fullPage: true });

    await page.getByRole('link', { name: 'Annuaire' }).click();
    await page.getByTestId('result-count').filter({ hasText: '100 organisations' }).waitFor();
    await page.selectOption('select[name=sector]', 'health');
    await page.waitForURL(/sector=health/);
    const api = await h.app.inject({
      url: '/api/v1/missions/marseille-miami-2026/organizations?sector=health',
      headers: { cookie: await h.signIn(DEMO_ACCOUNTS.participant) },
    });
    const healthTotal = api.json().total as number;
    await page
      .getByTestId('result-count')
      .filter({ hasText: `${healthTotal} organisations` })
      .waitFor();
    const cards = await page.locator('[data-testid=directory] > li').count();
    assert.equal(cards, Math.min(healthTotal, 24));
    const chips = await page
      .locator('[data-testid=directory] > li')
      .evaluateAll((lis) => lis.every((li) => li.textContent?.includes('Santé et sciences de la vie')));
    assert.ok(chips, 'every card shows the health sector');
    await page.screenshot({ path: join(SCREENSHOTS, '04-directory-health-fr.png'), fullPage: true });

    await page.click('[data-testid=language-switch]');
    await page.getByRole('link', { name: 'Calanques MedTech' }).click();
    await page.getByRole('button', { name: 'Edit the profile' }).click();
    await page.fill(
      'textarea[name=description]',
      'Connected heart-failure monitoring, now with an office in Miami.',
    );
    await page.selectOption('select[name=language]', 'en');
    await page.fill('textarea[name=offers]', 'Remote patient monitoring\nWearable cardiac sensors');
    await page.check('input[name=sectors][value=digital]');
    await page.screenshot({ path: join(SCREENSHOTS, '05-profile-edit-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Profile saved.').waitFor();
    await page.getByText('now with an office in Miami').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '06-profile-saved-en.png'), fullPage: true });

    const org = await h.ctx.db.kysely
      .selectFrom('organizations')
      .select(['id', 'description', 'description_language'])
      .where('name', '=', 'Calanques MedTech')
      .executeTakeFirstOrThrow();
    assert.equal(org.description, 'Connected heart-failure monitoring, now with an office in Miami.');
    assert.equal(org.description_language, 'en');
    const offers = await h.ctx.db.kysely
      .selectFrom('opportunities')
      .select('text')
      .where('organization_id', '=', org.id)
      .where('kind', '=', 'offer')
      .orderBy('position')
      .execute();
    assert.deepEqual(
      offers.map((o) => o.text),
      ['Remote patient monitoring', 'Wearable cardiac sensors'],
    );
    await page.context().close();
  });

  test('another organization offers no edit button, and the phone layout holds', async () => {
    const page = await newPage('fr', { width: 390, height: 844 });
    await signIn(page, DEMO_ACCOUNTS.participant);
    await page.getByRole('heading', { name: 'Mes missions' }).waitFor();
    await page.goto(`${base}/missions/marseille-miami-2026/directory?q=biscayne%20health`);
    await page.getByRole('link', { name: 'Biscayne Health System' }).click();
    await page.getByRole('heading', { name: 'Biscayne Health System' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Modifier le profil' }).count(), 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: join(SCREENSHOTS, '07-organization-phone-fr.png'), fullPage: true });
    await page.context().close();
  });

  test('an e-mailed link signs in from the browser', async () => {
    const page = await newPage('en');
    await page.goto(`${base}/sign-in`);
    await page.getByRole('tab', { name: 'With a link by e-mail' }).click();
    await page.fill('input[name=email]', 'julien.ferrand@phocea-data-centers.example');
    await page.click('button[type=submit]');
    await page.getByText('a sign-in link is on its way').waitFor();
    const mail = await h.ctx.db.kysely
      .selectFrom('outbox')
      .select('body')
      .where('recipient', '=', 'julien.ferrand@phocea-data-centers.example')
      .executeTakeFirstOrThrow();
    const link = mail.body.match(/http:\/\/escale\.test(\/sign-in\/link#\S+)/)?.[1];
    assert.ok(link);
    await page.goto(`${base}${link}`);
    await page.getByRole('heading', { name: 'My missions' }).waitFor();
    await page.context().close();
  });
});
