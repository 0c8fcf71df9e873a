#!/usr/bin/env node
// Runs scripts/seed.ts (see there; `--help` for usage) through Vite's module runner, since Node 20
// cannot load TypeScript and Vite is already a dependency.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./seed.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2));
