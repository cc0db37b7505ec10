// Shared by the HTTP benchmarks: a server in a child process, and a fixed-rate load with autocannon.
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Starts a server process whose log goes to a file, as in a deployment: a pipe that this busy process
 * had to drain would stall the server and measure the bench instead. Ready when `url` answers.
 */
export async function startChild(
  dir: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<ChildProcess> {
  const log = openSync(join(dir, `${args.join('-').replace(/[^a-z]/gi, '')}.log`), 'w');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${args.join(' ')} did not answer at ${url}`);
}

export interface Load {
  rps: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  errors: number;
}

export async function load(
  url: string,
  headers: Record<string, string>,
  paths: string[],
  opts: { seconds: number; rate: number; connections?: number },
): Promise<Load> {
  const requests = paths.map((path) => ({ method: 'GET' as const, path, headers }));
  // A short warm-up first: the JIT, prepared statements and the directory index are not what is measured.
  await autocannon({ url, connections: 4, duration: 2, requests });
  const result = await autocannon({
    url,
    connections: opts.connections ?? 20,
    duration: opts.seconds,
    overallRate: opts.rate,
    requests,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
