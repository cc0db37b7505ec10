#!/usr/bin/env node
// Runs the CLI from a bundle of the TypeScript sources, rebuilt when they change (`bundle.js`), so a
// clone works after `npm install` with no build step.
import { loadMain } from './bundle.js';

const main = await loadMain();
const code = await main(process.argv.slice(2));
// -1: a server is running; let it keep the process alive.
if (code >= 0) process.exit(code);
