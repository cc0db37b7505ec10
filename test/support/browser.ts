import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { testDialects } from './dialects.ts';
import { startHarness } from './harness.ts';

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {}
  }
  return undefined;
}

/** Why the browser tests cannot run here, or false; in CI a missing Chromium is a failure, not a skip. */
export function browserSkipReason(): string | false {
  if (findChromium()) return false;
  if (process.env.CI === 'true') throw new Error('Chromium is required in CI: apt-get install chromium');
  return 'Chromium is not installed (apt-get install chromium); browser tests skipped';
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium()!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Builds the web app once when the tests run before `npm run build`. */
export function ensureWebBuilt(): string {
  const root = resolve(import.meta.dirname, '../../dist/web');
  if (!existsSync(join(root, 'index.html'))) {
    execFileSync(
      process.execPath,
      [resolve(import.meta.dirname, '../../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
      {
        stdio: 'inherit',
      },
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return root;
}

/** The demo app served on a free port and a Chromium, started before a suite's tests and closed after. */
export interface BrowserApp {
  h: import('./harness.ts').Harness;
  browser: Browser;
  base: string;
}

export function useBrowserApp(): BrowserApp {
  const app = {} as BrowserApp;
  before(async () => {
    ensureWebBuilt();
    const [sqlite] = await testDialects();
    app.h = await startHarness(await sqlite!.create());
    await app.h.app.listen({ port: 0, host: '127.0.0.1' });
    app.base = `http://127.0.0.1:${(app.h.app.server.address() as AddressInfo).port}`;
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.h?.close();
  });
  return app;
}

/** Whether `pdftotext` (poppler) can read PDFs back here; CI installs it, so there it is required. */
export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true')
      throw new Error('pdftotext is required in CI: apt-get install poppler-utils');
    return false;
  }
}
