import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { insertOutboxMessage } from '../db/outbox.repository.ts';
import type { Logger } from './context.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** SMTP when a URL is configured; otherwise the outbox table, printed to the log so sign-in links work offline. */
export function createMailer(opts: {
  smtpUrl: string | undefined;
  from: string;
  db: Db;
  log: Logger;
}): Mailer {
  if (opts.smtpUrl) {
    // A pool of connections: survey waves and digests send hundreds of messages in a row.
    const url = new URL(opts.smtpUrl);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    const transport = nodemailer.createTransport(url.toString());
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
      close: () => transport.close(),
    };
  }
  return {
    async send(mail) {
      await insertOutboxMessage(opts.db.kysely, {
        id: newId(),
        recipient: mail.to,
        subject: mail.subject,
        body: mail.text,
        created_at: nowIso(),
        sent_at: null,
      });
      opts.log.info(`[outbox] to ${mail.to}: ${mail.subject}\n${mail.text}`);
    },
    close: () => {},
  };
}
