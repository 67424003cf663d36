/**
 * Views that cannot be written when the server stops go to a spool file
 * and are added at the next start, once, on both engines. The write
 * failure is injected, with each engine's own error (SQLITE_FULL, 53100);
 * SQLite's real one is in sqlite.test.ts, a real full disk in
 * serve-full-disk.test.ts.
 */
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { ViewCounter } from '../../src/services/view-counter.js';
import { applyViewSpool, ViewSpool } from '../../src/services/view-spool.js';
import type { Database } from '../../src/storage/database.js';
import {
  addViews,
  findViewCount,
} from '../../src/storage/repositories/article-views.repository.js';
import { describeEachDialect, openTestDatabase } from '../helpers/dialects.js';
import { importDemoContent } from '../../src/importers/demo-content.js';
import { NOW, SEED_ID } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

const seed = SEED_ID as ArticleId;

describeEachDialect((dialect) => {
  let database: Database;
  let folder: string;
  let spoolFile: string;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    await importDemoContent({ database, now: () => NOW });
    folder = testFolder('spool');
    spoolFile = join(folder, 'midad.db.views-spool.jsonl');
  });
  afterEach(async () => {
    await database.close();
  });

  const stored = async () => (await findViewCount(database.db, seed)) ?? 0;

  /** The engine's own disk-full error: better-sqlite3's SQLITE_FULL, PostgreSQL's 53100. */
  const diskFull = () =>
    dialect === 'sqlite'
      ? Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      : Object.assign(new Error('could not extend file: No space left on device'), {
          code: '53100',
        });

  /** The sink serve uses, failing as a full disk does while `full` is true. */
  function sinkOf(state: { full: boolean }) {
    return async (counts: Map<ArticleId, number>) => {
      if (state.full) throw diskFull();
      await addViews(database.db, counts, NOW);
    };
  }

  it('spools 300 views that a full disk refuses at stop, and adds them once at the next start', async () => {
    const before = await stored();
    const spool = new ViewSpool(spoolFile, { reserveBytes: 4096 });
    expect(spool.reserve()).toBe(true);
    const state = { full: true };
    const errors: Array<string | undefined> = [];
    const counter = new ViewCounter({
      sink: sinkOf(state),
      onError: (error) => errors.push((error as { code?: string }).code),
      spool: (counts) => void spool.write(counts, NOW),
    });
    for (let i = 0; i < 300; i++) counter.record(seed);

    expect(await counter.stop()).toEqual({ written: 0, spooled: 300 });
    expect(errors).toEqual([dialect === 'sqlite' ? 'SQLITE_FULL' : '53100']);
    expect(await stored()).toBe(before);
    const lines = readFileSync(spoolFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ at: NOW.toISOString(), views: [[SEED_ID, 300]] });

    state.full = false;
    expect(await applyViewSpool(database, spoolFile)).toEqual({
      batches: 1,
      views: 300,
      skipped: 0,
      rejected: 0,
    });
    expect(await stored()).toBe(before + 300);
    expect(readdirSync(folder)).toEqual(['midad.db.views-spool.jsonl.reserve']);
    // Applying again finds nothing.
    expect(await applyViewSpool(database, spoolFile)).toEqual({
      batches: 0,
      views: 0,
      skipped: 0,
      rejected: 0,
    });
    expect(await stored()).toBe(before + 300);
  });

  it('counts a batch once when a spool is applied again after a stop between its commit and its removal', async () => {
    const before = await stored();
    const spool = new ViewSpool(spoolFile);
    const batch = spool.write(new Map([[seed, 7]]), NOW);
    spool.write(new Map([[seed, 5]]), NOW);
    // A start renamed the spool and added its first batch, then stopped: its file is left over.
    renameSync(spoolFile, `${spoolFile}.applying-999999999-1`);
    expect(await addViews(database.db, batch.views, batch.at, { batch: batch.batch })).toBe(true);
    expect(await stored()).toBe(before + 7);

    expect(await applyViewSpool(database, spoolFile)).toEqual({
      batches: 1,
      views: 5,
      skipped: 1,
      rejected: 0,
    });
    expect(await stored()).toBe(before + 7 + 5);
    expect(existsSync(`${spoolFile}.applying-999999999-1`)).toBe(false);
  });

  it('keeps a line that is not a batch in a file of its own, and applies the rest', async () => {
    const before = await stored();
    const spool = new ViewSpool(spoolFile);
    spool.write(new Map([[seed, 3]]), NOW);
    const { appendFileSync } = await import('node:fs');
    // A line cut short by a crash, without its newline: the next batch still gets a line of its own.
    appendFileSync(spoolFile, '{"batch":"torn","at":"2026-11-29T12:00:00.000Z","views":[["2588');
    spool.write(new Map([[seed, 4]]), NOW);

    expect(await applyViewSpool(database, spoolFile)).toEqual({
      batches: 2,
      views: 7,
      skipped: 0,
      rejected: 1,
    });
    expect(await stored()).toBe(before + 7);
    expect(readFileSync(`${spoolFile}.rejected`, 'utf8')).toContain('"batch":"torn"');
  });

  it('rejects hostile lines (too long, absurd counts, bad ids) and adds only real batches', async () => {
    const before = await stored();
    const spool = new ViewSpool(spoolFile);
    const { appendFileSync } = await import('node:fs');
    const line = (views: unknown) =>
      `${JSON.stringify({ batch: 'x', at: '2026-11-29T12:00:00.000Z', views })}\n`;
    appendFileSync(spoolFile, `${'{"batch":"'.padEnd(2 * 1024 * 1024, 'a')}\n`);
    appendFileSync(spoolFile, line([[seed, 1e12]]));
    appendFileSync(spoolFile, line([[seed, -3]]));
    appendFileSync(spoolFile, line([['0x10', 1]]));
    appendFileSync(spoolFile, line([[seed, '5']]));
    appendFileSync(spoolFile, '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n');
    spool.write(new Map([[seed, 2]]), NOW);

    expect(await applyViewSpool(database, spoolFile)).toEqual({
      batches: 1,
      views: 2,
      skipped: 0,
      rejected: 6,
    });
    expect(await stored()).toBe(before + 2);
    const kept = readFileSync(`${spoolFile}.rejected`, 'utf8');
    expect(kept.length).toBeLessThan(2000);
    expect(kept).toContain('aaaa… (cut)');
  });
});
