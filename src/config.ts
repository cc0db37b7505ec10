/** The one reader of process.env. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  isProduction: boolean;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const host = env.HOST ?? '127.0.0.1';
  return {
    databaseUrl: env.DATABASE_URL || 'data/escale.db',
    port,
    host,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Escale <no-reply@escale.localhost>',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    isProduction: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL || 'info',
  };
}

/** Removes the password of a connection URL, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
