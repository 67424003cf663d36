/**
 * The mirror written in a process of its own (cli/commands/serve-mirror-process.ts),
 * as `midad serve` keeps it fresh: the child writes the same mirror as
 * writeMirror in the process, its failure comes back with writeMirror's
 * message, and an abort ends it with the folder left for the next run.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeMirrorInChild } from '../../src/cli/commands/serve-mirror-process.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { importDemoContent } from '../../src/importers/demo-content.js';
import { AppError } from '../../src/lib/errors.js';
import { listMirrorFiles, verifyMirror } from '../../src/services/mirror-manifest.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { NOW } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

const ORIGIN = 'https://news.example';

let database: Database;
let config: Config;
let folder: string;

beforeEach(async () => {
  folder = testFolder('mirror-process');
  const file = join(folder, 'site.db');
  database = await openDatabase({ file });
  await importDemoContent({ database, now: () => NOW });
  config = loadConfig({
    MIDAD_DB: file,
    MIDAD_BASE_URL: ORIGIN,
    MIDAD_MEDIA_DIR: join(folder, 'media'),
  });
});
afterEach(() => database.close());

const job = (outDir: string, sinceLastRun = false) => ({
  config,
  outDir,
  sinceLastRun,
  startedAt: NOW.getTime(),
});

it('writes the mirror in a child process and answers what it wrote', async () => {
  const out = join(folder, 'mirror');
  const report = await writeMirrorInChild(job(out));
  const files = await listMirrorFiles(out);
  expect(report.failed).toEqual([]);
  expect(report.removed).toBe(0);
  expect(report.unlisted).toEqual([]);
  // Every file but the manifest, its signature and the public key is in the manifest.
  expect(report.files).toBe(files.length - 3);
  expect(report.written).toBe(report.files);
  expect((await verifyMirror(out)).manifest.site).toBe(ORIGIN);
  expect(files).toContain('lite/a/258871304963183/index.html');

  const again = await writeMirrorInChild(job(out, true));
  expect(again).toEqual({ ...report, written: 0 });
});

it("comes back with writeMirror's message when the child cannot write", async () => {
  const out = join(folder, 'a-file');
  await writeFile(out, 'not a folder');
  const failure = await writeMirrorInChild(job(out)).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(AppError);
  expect((failure as AppError).code).toBe('MIRROR_CHILD_FAILED');
  expect((failure as AppError).message).toBe(
    `Writing the mirror failed: ${out} is neither an empty folder nor a mirror.`,
  );
});

it('ends the child when aborted, leaving no manifest of a run not finished', async () => {
  const out = join(folder, 'mirror');
  const abort = new AbortController();
  const writing = writeMirrorInChild(job(out), abort.signal);
  setTimeout(() => abort.abort(), 300);
  const failure = await writing.catch((error: unknown) => error);
  expect((failure as AppError).code).toBe('MIRROR_CHILD_FAILED');
  expect((failure as AppError).message).toMatch(/ended without finishing \(SIGTERM\)/);
  expect(await listMirrorFiles(out).catch(() => [])).not.toContain('mirror/manifest.json');
});
