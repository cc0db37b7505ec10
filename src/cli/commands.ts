import { readFile, writeFile } from 'node:fs/promises';
import { type Config, redactUrl } from '../config.ts';
import { buildApp } from '../server/app.ts';
import { consoleLogger } from '../services/context.ts';
import { DEMO_ACCOUNTS, DEMO_MISSION, DEMO_PASSWORD, loadDemo } from '../services/demo/load-demo.ts';
import { createMission, listAllMissions } from '../services/missions.service.ts';
import { openContext } from '../services/open-context.ts';
import { exportRoster } from '../services/roster/export.service.ts';
import { importRoster } from '../services/roster/import.service.ts';
import { addUser, grantMissionRole } from '../services/users.service.ts';
import { UsageError } from './errors.ts';

export type Flags = Record<string, string | boolean | undefined>;
export type Out = (line: string) => void;

export const need = (flags: Flags, name: string): string => {
  const v = flags[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
};

export async function withContext<T>(
  config: Config,
  work: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<T>,
) {
  const ctx = await openContext(config, consoleLogger);
  try {
    return await work(ctx);
  } finally {
    await ctx.close();
  }
}

export async function serve(config: Config, out: Out, opts: { withDemo: boolean }): Promise<void> {
  const ctx = await openContext(config, consoleLogger);
  if (opts.withDemo && (await loadDemo(ctx)).loaded) out('Loaded the demo missions.');
  const app = await buildApp(ctx, { logger: true });
  const close = async () => {
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  out(`Escale is serving ${config.publicUrl} (database: ${redactUrl(config.databaseUrl)})`);
  if (opts.withDemo) {
    out(`Demo mission: ${config.publicUrl}/missions/${DEMO_MISSION}`);
    out(
      `Demo accounts (password "${DEMO_PASSWORD}"): organizer ${DEMO_ACCOUNTS.organizer}, participant ${DEMO_ACCOUNTS.participant}, official ${DEMO_ACCOUNTS.official}`,
    );
  }
}

export const migrate = (config: Config, out: Out) =>
  withContext(config, async () => out(`Database ${redactUrl(config.databaseUrl)} is up to date.`));

export const demo = (config: Config, out: Out) =>
  withContext(config, async (ctx) => {
    const { loaded } = await loadDemo(ctx);
    out(
      loaded
        ? `Loaded the demo missions. Password for the demo accounts: ${DEMO_PASSWORD}`
        : 'The demo is loaded already.',
    );
  });

export const missionCreate = (config: Config, out: Out, flags: Flags) =>
  withContext(config, async (ctx) => {
    const m = await createMission(ctx, 'system', {
      slug: need(flags, 'slug'),
      title: need(flags, 'title'),
      origin: need(flags, 'origin'),
      host: need(flags, 'host'),
      timezone: need(flags, 'timezone'),
      startsOn: need(flags, 'start'),
      endsOn: need(flags, 'end'),
      ...(typeof flags.currency === 'string' && { reportingCurrency: flags.currency }),
    });
    out(`Created mission ${m.slug}.`);
  });

export const missionList = (config: Config, out: Out, flags: Flags) =>
  withContext(config, async (ctx) => {
    const rows = (await listAllMissions(ctx)).map(({ mission: m, counts }) => ({
      slug: m.slug,
      title: m.title,
      timezone: m.timezone,
      startsOn: m.starts_on,
      endsOn: m.ends_on,
      organizations: counts.organizations,
      people: counts.people,
    }));
    if (flags.json) return out(JSON.stringify(rows, null, 2));
    if (rows.length === 0) return out('No missions yet.');
    for (const r of rows) {
      out(
        `${r.slug}\t${r.startsOn} → ${r.endsOn}\t${r.timezone}\t${r.organizations} organizations, ${r.people} people\t${r.title}`,
      );
    }
  });

export const importFile = (config: Config, out: Out, flags: Flags, file: string | undefined) =>
  withContext(config, async (ctx) => {
    if (!file) throw new UsageError('import needs a FILE');
    const data = await readFile(file);
    const s = await importRoster(ctx, 'system', need(flags, 'mission'), data, {
      dryRun: flags['dry-run'] === true,
    });
    const t = (x: { created: number; updated: number; unchanged: number }) =>
      `${x.created} new, ${x.updated} changed, ${x.unchanged} unchanged`;
    out(`${s.dryRun ? 'Dry run, nothing written: would import' : 'Imported'} ${s.rows} rows.`);
    out(`  organizations: ${t(s.organizations)}`);
    out(`  people: ${t(s.people)}`);
    out(`  registrations: ${t(s.registrations)}`);
    out(`  accounts: ${s.accounts.created} new, ${s.accounts.granted} given the participant role`);
  });

export const exportFile = (config: Config, out: Out, flags: Flags) =>
  withContext(config, async (ctx) => {
    const { data } = await exportRoster(ctx, 'system', need(flags, 'mission'), flags.format ?? 'csv');
    if (typeof flags.out === 'string') {
      await writeFile(flags.out, data);
      out(`Wrote ${flags.out}.`);
    } else process.stdout.write(data);
  });

export const userAdd = (config: Config, out: Out, flags: Flags) =>
  withContext(config, async (ctx) => {
    const password = typeof flags.password === 'string' ? flags.password : process.env.ESCALE_PASSWORD;
    const user = await addUser(ctx, 'system', {
      email: need(flags, 'email'),
      displayName: need(flags, 'name'),
      isAdmin: flags.admin === true,
      ...(password && { password }),
    });
    out(`Added user ${user.email}${user.is_admin ? ' (admin)' : ''}.`);
    if (typeof flags.mission === 'string') {
      const role = need(flags, 'role');
      await grantMissionRole(ctx, 'system', flags.mission, { email: user.email, role });
      out(`Gave ${user.email} the role ${role} in ${flags.mission}.`);
    }
  });
