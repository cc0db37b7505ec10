import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Mailer } from './mailer.ts';

/** What every service needs: the database, the mailer and the configuration. */
export interface AppContext {
  db: Db;
  mailer: Mailer;
  config: Config;
  log: Logger;
}

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
