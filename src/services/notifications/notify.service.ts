import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import {
  insertNotifications,
  listUnsentNotifications,
  markNotificationsSent,
} from '../../db/notifications.repository.ts';
import { pushTo } from '../../domain/collections.ts';
import type { Language } from '../../domain/enums.ts';
import type { AppContext } from '../context.ts';
import { describe, type NotificationPayload, subjectOf } from './messages.ts';

/** Records notifications inside the caller's transaction; returns their ids for `deliverNow` after commit. */
export async function queueNotifications(
  trx: Executor,
  missionId: string,
  items: { personId: string; payload: NotificationPayload }[],
): Promise<string[]> {
  const at = nowIso();
  const rows = items.map((i) => ({
    id: newId(),
    mission_id: missionId,
    person_id: i.personId,
    kind: i.payload.kind,
    payload: JSON.stringify(i.payload),
    created_at: at,
    sent_at: null,
  }));
  await insertNotifications(trx, rows);
  return rows.map((r) => r.id);
}

type Unsent = Awaited<ReturnType<typeof listUnsentNotifications>>[number];

/**
 * Sends the given notifications to people who want them at once (one e-mail per person), marks those
 * of people who want none as done, and leaves the daily ones for the digest. A mail failure is logged
 * and the notification stays unsent, to be retried by the next digest; it never fails the request.
 */
export async function deliverNow(ctx: AppContext, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await listUnsentNotifications(ctx.db.kysely, ids);
  const off = rows.filter((r) => r.notification_mode === 'off').map((r) => r.id);
  await markNotificationsSent(ctx.db.kysely, off, nowIso());
  await sendGrouped(
    ctx,
    rows.filter((r) => r.notification_mode === 'immediate'),
    false,
  );
}

/** Sends every unsent notification, one digest e-mail per person and mission; returns the e-mails sent. */
export async function sendDigests(ctx: AppContext): Promise<number> {
  const rows = await listUnsentNotifications(ctx.db.kysely);
  const off = rows.filter((r) => r.notification_mode === 'off').map((r) => r.id);
  await markNotificationsSent(ctx.db.kysely, off, nowIso());
  return sendGrouped(
    ctx,
    rows.filter((r) => r.notification_mode !== 'off'),
    true,
  );
}

async function sendGrouped(ctx: AppContext, rows: Unsent[], isDigest: boolean): Promise<number> {
  const groups = new Map<string, Unsent[]>();
  for (const r of rows) {
    const key = `${r.person_id}|${r.mission_id}`;
    pushTo(groups, key, r);
  }
  let sent = 0;
  for (const group of groups.values()) {
    const first = group[0] as Unsent;
    const language = first.language as Language;
    const fr = language === 'fr';
    const payloads = group.map((r) => JSON.parse(r.payload) as NotificationPayload);
    const lines = payloads.map((p) => `• ${describe(p, language, first.timezone)}`);
    const subject =
      isDigest || payloads.length > 1
        ? `${fr ? 'Vos nouvelles' : 'Your updates'} · ${first.title}`
        : subjectOf(payloads[0] as NotificationPayload, language, first.title);
    const url = `${ctx.config.publicUrl}/missions/${first.slug}/meetings`;
    const text = fr
      ? `Bonjour ${first.first_name},\n\n${lines.join('\n')}\n\nVos rendez-vous : ${url}\n\nPour recevoir un résumé quotidien ou ne plus recevoir ces messages, changez vos préférences dans Escale.`
      : `Hello ${first.first_name},\n\n${lines.join('\n')}\n\nYour meetings: ${url}\n\nTo get a daily digest or no more of these messages, change your settings in Escale.`;
    try {
      await ctx.mailer.send({ to: first.email, subject, text });
      await markNotificationsSent(
        ctx.db.kysely,
        group.map((r) => r.id),
        nowIso(),
      );
      sent++;
    } catch (err) {
      ctx.log.warn(`notification mail to person ${first.person_id} failed: ${(err as Error).message}`);
    }
  }
  return sent;
}
