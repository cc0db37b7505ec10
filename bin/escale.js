#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so a clone works after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// -1: a server is running; let it keep the process alive.
if (code >= 0) process.exit(code);
