// The CLI's start-up: a JavaScript bundle of src/, built by esbuild into node_modules/.cache and
// rebuilt whenever a source file changes, so that a process (and each of the scheduler's worker
// threads) starts in about 0.1 s instead of the 0.5 s tsx takes to compile TypeScript on the fly.
// Falls back to tsx where the bundle cannot be built (a read-only install, a syntax error);
// ESCALE_BUNDLE=0 always uses tsx (`npm run dev` watches the sources), ESCALE_BUNDLE=1 never does.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** The bundle's entry points: the CLI and the two worker threads it starts by URL beside itself. */
const ENTRIES = ['src/cli/main.ts', 'src/services/scheduler.worker.ts', 'src/scheduler/prover.worker.ts'];
/**
 * Bundles of earlier versions of the sources are removed once unused for a day and not among the three
 * last used: a server started from one still loads its worker threads' files from it.
 */
const KEEP_UNUSED_MS = 24 * 3600_000;
const KEEP_RECENT = 3;

/** A fingerprint of the sources a bundle is made of: every file's path, size and modification time. */
export function sourceFingerprint(dir) {
  const hash = createHash('sha256');
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.includes('.test.')) {
        const s = statSync(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}

/** Builds (once per version of the sources) and returns the bundle's folder; throws where it cannot. */
async function bundleDir() {
  const cache = join(ROOT, 'node_modules', '.cache', 'escale');
  // This file's own version counts too: it says how the bundle is made.
  const self = statSync(import.meta.filename);
  const version = createHash('sha256').update(
    `${sourceFingerprint(join(ROOT, 'src'))} ${self.size} ${self.mtimeMs}`,
  );
  const dir = join(cache, version.digest('hex').slice(0, 16));
  if (existsSync(join(dir, 'main.mjs'))) {
    const now = new Date();
    try {
      utimesSync(dir, now, now); // last used: kept from the clean-up below
    } catch {
      // a read-only install: its bundle is used all the same
    }
    return dir;
  }
  const { build } = await import('esbuild');
  const temp = `${dir}.${process.pid}.tmp`;
  mkdirSync(cache, { recursive: true });
  await build({
    entryPoints: ENTRIES.map((e) => join(ROOT, e)),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: temp,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
  });
  try {
    renameSync(temp, dir);
  } catch {
    rmSync(temp, { recursive: true, force: true }); // another process built the same version first
  }
  const others = readdirSync(cache)
    .map((name) => join(cache, name))
    .filter((path) => path !== dir)
    .map((path) => ({ path, used: statSync(path).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { path, used } of others.slice(KEEP_RECENT - 1))
    if (Date.now() - used > KEEP_UNUSED_MS) rmSync(path, { recursive: true, force: true });
  return dir;
}

/** The CLI's `main`, from the bundle when it can be built, else from the TypeScript sources through tsx. */
export async function loadMain() {
  if (process.env.ESCALE_BUNDLE !== '0') {
    try {
      const dir = await bundleDir();
      return (await import(join(dir, 'main.mjs'))).main;
    } catch (error) {
      if (process.env.ESCALE_BUNDLE === '1') throw error;
      // tsx below compiles the sources itself and reports any error in them.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}
