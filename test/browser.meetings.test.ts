import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatSlot } from '../src/web/format.ts';
import { browserSkipReason, SCREENSHOTS, useBrowserApp } from './support/browser.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type Harness } from './support/harness.ts';
import { personOf, readIcs, strangersOf } from './support/meetings.ts';

const skip = browserSkipReason();
const SLUG = 'miami-marseille-2027';

describe('the meeting workflow in Chromium', { skip }, () => {
  const app = useBrowserApp();
  let h: Harness;
  let browser: Browser;
  let base: string;
  before(() => {
    ({ h, browser, base } = app);
  });

  /** A browser context in a language and timezone, signed in by password or with a session cookie. */
  async function open(
    lang: 'fr' | 'en',
    timezoneId: string,
    who: { password: string } | { cookie: string },
  ): Promise<Page> {
    const context: BrowserContext = await browser.newContext({
      locale: lang === 'fr' ? 'fr-FR' : 'en-US',
      timezoneId,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    if ('cookie' in who) {
      await context.addCookies([{ name: 'escale_session', value: who.cookie.split('=')[1]!, url: base }]);
    } else {
      await page.goto(`${base}/sign-in`);
      await page.fill('input[name=email]', who.password);
      await page.fill('input[name=password]', DEMO_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((u) => u.pathname === '/');
    }
    return page;
  }

  async function downloadIcs(page: Page) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-ics').click(),
    ]);
    return readIcs(readFileSync((await download.path())!, 'utf8'));
  }

  test('recommend, request, accept, schedule, publish, agenda, ICS, move', async () => {
    const camilleId = (await personOf(h, SLUG, DEMO_ACCOUNTS.participant)).id;
    const strangers = await strangersOf(h, SLUG, camilleId, 'delegation');
    const recs = (
      await h.app.inject({
        url: `/api/v1/missions/${SLUG}/recommendations?limit=20`,
        headers: { cookie: await h.signIn(DEMO_ACCOUNTS.participant) },
      })
    ).json().items as { name: string; people: { personId: string; name: string }[] }[];
    const pick = recs.find((r) => r.people.some((p) => strangers.some((s) => s.id === p.personId)));
    assert.ok(pick, 'a recommended counterpart Camille has not asked yet');
    const person = pick.people.find((p) => strangers.some((s) => s.id === p.personId))!;
    const counterpart = strangers.find((s) => s.id === person.personId)!;
    // The demo gives some people fewer days; these two are there the whole mission, so any free slot fits.
    await h.app.inject({
      method: 'PUT',
      url: `/api/v1/missions/${SLUG}/availability`,
      headers: { cookie: await h.signIn(DEMO_ACCOUNTS.organizer) },
      payload: {
        people: [DEMO_ACCOUNTS.participant, counterpart.email].map((email) => ({
          email,
          presenceDays: [],
          unavailable: [],
        })),
      },
    });

    // The participant, in Marseille, finds the counterpart among her recommendations and asks for a meeting.
    const camille = await open('fr', 'Europe/Paris', { password: DEMO_ACCOUNTS.participant });
    await camille.goto(`${base}/missions/${SLUG}/recommendations`);
    const card = camille.getByTestId('recommendation').filter({ hasText: pick.name });
    await card
      .getByText(/Leur offre|Votre offre|Filières communes/)
      .first()
      .waitFor();
    await card.getByRole('button', { name: `Demander un rendez-vous à ${person.name}` }).click();
    await card.locator('textarea[name=message]').fill('Bonjour, parlons de télésurveillance à Marseille.');
    await camille.screenshot({
      path: join(SCREENSHOTS, '10-recommendations-request-fr.png'),
      fullPage: false,
    });
    await card.getByRole('button', { name: 'Envoyer la demande' }).click();
    await card.getByText(`Demande envoyée à ${person.name}.`).waitFor();

    // The counterpart, in Miami, accepts.
    const them = await open('en', 'America/New_York', { cookie: await h.signInByLink(counterpart.email) });
    await them.goto(`${base}/missions/${SLUG}/meetings`);
    const request = them.getByTestId('request-incoming').filter({ hasText: 'Camille Roux' });
    await request.getByText('parlons de télésurveillance').waitFor();
    await them.screenshot({ path: join(SCREENSHOTS, '11-request-received-en.png'), fullPage: true });
    await request.getByRole('button', { name: 'Accept' }).click();
    await request.getByText('Accepted').waitFor();
    const meetingId = (
      await h.ctx.db.kysely
        .selectFrom('meeting_requests')
        .select('meeting_id')
        .where('requester_person_id', '=', camilleId)
        .where('recipient_person_id', '=', counterpart.id)
        .where('status', '=', 'accepted')
        .executeTakeFirstOrThrow()
    ).meeting_id!;

    // The organizer runs the scheduler, previews the grid and publishes.
    const organizer = await open('en', 'Europe/Paris', { password: DEMO_ACCOUNTS.organizer });
    await organizer.goto(`${base}/missions/${SLUG}/schedule`);
    await organizer.getByRole('spinbutton', { name: 'Time limit (s)' }).fill('3');
    await organizer.getByRole('button', { name: 'Run the scheduler' }).click();
    await organizer
      .getByTestId('run-status')
      .filter({ hasText: 'Schedule ready: preview it, then publish.' })
      .waitFor({ timeout: 30_000 });
    await organizer.getByTestId('schedule-grid').waitFor();
    assert.match((await organizer.getByTestId('run-figures').textContent()) ?? '', /Lower bound/);
    await organizer.screenshot({ path: join(SCREENSHOTS, '12-schedule-preview-en.png'), fullPage: false });
    await organizer.getByRole('button', { name: 'Publish' }).click();
    await organizer
      .getByTestId('run-status')
      .filter({ hasText: 'Published: agendas are updated and participants told.' })
      .waitFor();

    // Both see the meeting in their agenda, each at the right local time.
    const meeting = await h.ctx.db.kysely
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    assert.equal(meeting.status, 'scheduled');
    const paris = new Intl.DateTimeFormat('fr-FR', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Paris',
    }).format(new Date(meeting.starts_at!));
    const miami = new Intl.DateTimeFormat('en-US', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'America/New_York',
    }).format(new Date(meeting.starts_at!));
    await camille.goto(`${base}/missions/${SLUG}/meetings`);
    const entry = camille.getByTestId('agenda-entry').filter({ hasText: person.name });
    await entry.getByText(new RegExp(`^${paris}`)).waitFor();
    await camille.screenshot({ path: join(SCREENSHOTS, '13-agenda-fr.png'), fullPage: true });
    await them.goto(`${base}/missions/${SLUG}/meetings`);
    const theirEntry = them.getByTestId('agenda-entry').filter({ hasText: 'Camille Roux' });
    await theirEntry.getByText(`${miami} your time`).waitFor();
    await them.screenshot({ path: join(SCREENSHOTS, '14-agenda-en-miami.png'), fullPage: true });

    // The ICS download holds the meeting at its instant.
    const first = (await downloadIcs(camille)).find((e) => e.uid.startsWith(`meeting-${meetingId}`));
    assert.ok(first, 'the meeting is in the calendar file');
    assert.equal(first.start, meeting.starts_at);

    // The organizer moves the meeting; the new ICS replaces the event: same UID, higher SEQUENCE.
    const session = (
      await h.app.inject({
        url: `/api/v1/missions/${SLUG}/sessions`,
        headers: { cookie: await h.signIn(DEMO_ACCOUNTS.organizer) },
      })
    ).json().items[0];
    const all = await h.ctx.db.kysely
      .selectFrom('meetings as m')
      .innerJoin('meeting_participants as p', 'p.meeting_id', 'm.id')
      .select(['m.slot_index', 'm.table_id', 'p.person_id'])
      .where('m.session_id', '=', session.id)
      .where('m.status', '=', 'scheduled')
      .execute();
    const busy = new Set(
      all.filter((r) => r.person_id === camilleId || r.person_id === counterpart.id).map((r) => r.slot_index),
    );
    // A slot where both are free and a table is left: the schedule decides which, so look for one.
    const freeTable = (index: number) => {
      const used = new Set(all.filter((r) => r.slot_index === index).map((r) => r.table_id));
      return session.tables.find((t: { id: string }) => !used.has(t.id));
    };
    const target = session.slots.find((s: { index: number }) => !busy.has(s.index) && freeTable(s.index));
    assert.ok(target, 'some slot has both free and a table left');
    const table = freeTable(target.index);
    await organizer.reload();
    const row = organizer
      .getByTestId('published-meeting')
      .filter({ hasText: pick.name })
      .filter({ hasText: 'Calanques MedTech' });
    await row.getByRole('button', { name: 'Move' }).click();
    await row.locator('select[name=slot]').selectOption(String(target.index));
    await row.locator('select[name=table]').selectOption(table.id);
    await organizer.screenshot({ path: join(SCREENSHOTS, '15-move-meeting-en.png'), fullPage: false });
    await row.getByRole('button', { name: 'Move' }).last().click();
    await organizer
      .getByTestId('published-meeting')
      .filter({ hasText: formatSlot(target, 'en') })
      .filter({ hasText: pick.name })
      // the open move form lists every slot: only the row without it says the move is done
      .filter({ hasNot: organizer.locator('select') })
      .waitFor();

    await camille.reload();
    await camille.getByTestId('agenda-entry').filter({ hasText: person.name }).waitFor();
    const second = (await downloadIcs(camille)).find((e) => e.uid === first.uid);
    assert.ok(second, 'the moved meeting keeps its UID');
    assert.ok(second.sequence > first.sequence, `SEQUENCE ${second.sequence} after ${first.sequence}`);
    assert.equal(second.start, target.startsAt);
    await camille.screenshot({ path: join(SCREENSHOTS, '16-agenda-after-move-fr.png'), fullPage: true });
    for (const p of [camille, them, organizer]) await p.context().close();
  });
});
