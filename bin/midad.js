#!/usr/bin/env node
// Entry point of the `midad` command. The TypeScript sources are compiled to
// dist/ by `npm install` (the `prepare` script) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('midad: dist/ is missing; run `npm run build` (or `npm install`) first.');
  process.exit(1);
}
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
