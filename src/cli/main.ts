import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { describeCliError, UsageError } from './errors.ts';
import { HELP } from './help.ts';
import { solveFile } from './solve.ts';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  admin: { type: 'boolean' },
  slug: { type: 'string' },
  title: { type: 'string' },
  origin: { type: 'string' },
  host: { type: 'string' },
  timezone: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  currency: { type: 'string' },
  mission: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  fairness: { type: 'string' },
  'time-limit': { type: 'string' },
  seed: { type: 'string' },
  keep: { type: 'string' },
  organization: { type: 'string' },
  limit: { type: 'string' },
  'same-side': { type: 'boolean' },
  table: { type: 'string' },
  all: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

/** Runs one CLI invocation; returns the exit code (2 for a user mistake). */
export async function main(
  argv: string[],
  out = (l: string) => console.log(l),
  err = (l: string) => console.error(l),
) {
  try {
    let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      // One line: node's first sentence, and its hint when a value starts with a dash
      // ("--fairness -1": write it "--fairness=-1").
      const lines = (e as Error).message.split('\n');
      const hint = lines.find((l) => l.startsWith('To specify an option argument'));
      throw new UsageError([lines[0] ?? 'bad arguments', hint].filter(Boolean).join(' '));
    }
    const { values: flags, positionals } = parsed;
    const [first, second, ...rest] = positionals;
    const name = first === 'mission' || first === 'user' ? `${first} ${second ?? ''}`.trim() : (first ?? '');
    if (!first || name === 'help') {
      out(HELP.main!);
      return first || flags.help ? 0 : 2;
    }
    if (flags.help) {
      const text = HELP[name];
      if (!text) throw new UsageError(`unknown command "${name}"; see escale --help`);
      out(text);
      return 0;
    }
    const config = readConfig();
    if (name === 'solve') {
      await solveFile(out, flags, second);
      return 0;
    }
    // Loaded only here: `solve` starts without the server, the database drivers and the PDF code.
    const [commands, meetingCommands] = await Promise.all([
      import('./commands.ts'),
      import('./meetings.commands.ts'),
    ]);
    switch (name) {
      case 'start':
        await commands.serve(config, out, { withDemo: true });
        return -1;
      case 'serve':
        await commands.serve(config, out, { withDemo: false });
        return -1;
      case 'migrate':
        await commands.migrate(config, out);
        return 0;
      case 'demo':
        await commands.demo(config, out);
        return 0;
      case 'mission create':
        await commands.missionCreate(config, out, flags);
        return 0;
      case 'mission list':
        await commands.missionList(config, out, flags);
        return 0;
      case 'import':
        await commands.importFile(config, out, flags, second ?? rest[0]);
        return 0;
      case 'export':
        await commands.exportFile(config, out, flags);
        return 0;
      case 'user add':
        await commands.userAdd(config, out, flags);
        return 0;
      case 'recommend':
        await meetingCommands.recommend(config, out, flags);
        return 0;
      case 'agenda':
        await meetingCommands.agenda(config, out, flags);
        return 0;
      case 'report':
        await meetingCommands.report(config, out, flags);
        return 0;
      case 'surveys':
        await meetingCommands.surveys(config, out);
        return 0;
      case 'digest':
        await meetingCommands.digest(config, out);
        return 0;
      default:
        throw new UsageError(`unknown command "${name}"; see escale --help`);
    }
  } catch (e) {
    const { line, code } = describeCliError(e);
    err(line);
    return code;
  }
}
