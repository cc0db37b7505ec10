import type { ZodError } from 'zod';
import { AppError } from '../domain/errors.ts';

/** A user mistake on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Turns an error into the one line the CLI prints and its exit code. */
export function describeCliError(err: unknown): { line: string; code: number } {
  if (err instanceof UsageError) return { line: `escale: ${err.message}`, code: 2 };
  if (err instanceof AppError) {
    const details = err.details
      .slice(0, 50)
      .map((d) =>
        [d.row !== undefined ? `row ${d.row}` : '', d.field ?? '', d.reason].filter(Boolean).join(' '),
      )
      .join('; ');
    const more = err.details.length > 50 ? ` (and ${err.details.length - 50} more)` : '';
    return {
      line: `escale: ${err.message}${details ? `: ${details}${more}` : ''}`,
      code: err.code === 'internal' ? 1 : 2,
    };
  }
  // By name, not instanceof: importing zod here would cost every command, `solve` included, about
  // 0.1 s of start-up; the commands that validate with it load it themselves.
  if (err instanceof Error && err.name === 'ZodError' && Array.isArray((err as ZodError).issues)) {
    const issues = (err as ZodError).issues
      .map((i) => `--${i.path.map(String).join('.') || 'input'}: ${i.message}`)
      .join('; ');
    return { line: `escale: invalid input: ${issues}`, code: 2 };
  }
  const e = err as { code?: string; message?: string };
  if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR')
    return { line: `escale: ${e.message}`, code: 2 };
  if (e.code === 'ECONNREFUSED') return { line: `escale: cannot reach the database: ${e.message}`, code: 1 };
  return { line: `escale: internal error: ${e.message ?? String(err)}`, code: 1 };
}
