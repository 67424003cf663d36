/**
 * Test wiring: a new database of either dialect (see dialects.ts) with the
 * demo article, a view counter, and the web app built on them, with a
 * pinned clock.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/load.js';
import { importCapture } from '../../src/importers/capture/import-capture.js';
import { DEMO_CAPTURE, importDemoContent } from '../../src/importers/demo-content.js';
import { ViewCounter } from '../../src/services/view-counter.js';
import type { Database, DialectName } from '../../src/storage/database.js';
import { databaseViewSink } from '../../src/services/view-sink.js';
import { buildApp } from '../../src/web/app.js';
import { openTestDatabase } from './dialects.js';

/** The clock of every test site: 2026-11-29 12:00 UTC. */
export const NOW = new Date('2026-11-29T12:00:00.000Z');
export const SEED_ID = '258871304963183';
export const SEED_HEADLINE = 'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب';
/** The slug the import gives the seed: its headline's, as the newsroom makes slugs. */
export const SEED_SLUG = 'توافق-أمريكي-تركي-بخصوص-وقف-إطلاق-النار-في-إدلب';
/** A desktop Chrome user agent: its requests count as views. */
export const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export const seedBytes = (): Buffer => readFileSync(DEMO_CAPTURE);
export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/captures/${name}`, import.meta.url));

/** An empty, migrated database of `dialect` (default SQLite in memory). */
export function emptyDatabase(dialect: DialectName = 'sqlite'): Promise<Database> {
  return openTestDatabase(dialect);
}

export interface TestSite {
  database: Database;
  viewCounter: ViewCounter;
  app: Awaited<ReturnType<typeof buildApp>>;
  close(): Promise<void>;
}

/**
 * A site with the demo article (unless `demo: false`), settings from `env`
 * (environment-variable names), on `dialect` (default SQLite), on the clock
 * `now` (default NOW, pinned; the view counter's flushes use it too). Its
 * requests are not logged, unless `logs` is given: then every log line (at
 * MIDAD_LOG_LEVEL, default info) is pushed to it.
 */
export async function testSite(
  env: Record<string, string> = {},
  options: {
    demo?: boolean;
    dialect?: DialectName;
    now?: () => Date;
    logs?: string[];
    /** Accept push endpoints on http://127.0.0.1 (a local push service). */
    localPushEndpoints?: boolean;
  } = {},
): Promise<TestSite> {
  const database = await emptyDatabase(options.dialect);
  const now = options.now ?? (() => NOW);
  let app: TestSite['app'];
  let viewCounter: ViewCounter;
  try {
    const config = loadConfig({ MIDAD_BASE_URL: 'https://news.example', ...env });
    viewCounter = new ViewCounter({
      sink: databaseViewSink(database, {
        now,
        minutesRetentionHours: config.viewMinutesRetentionHours,
      }),
    });
    if (options.demo !== false) await importDemoContent({ database, now: () => NOW });
    const logs = options.logs;
    app = await buildApp({
      config,
      database,
      viewCounter,
      now,
      allowLocalPushEndpoints: options.localPushEndpoints === true,
      ...(logs
        ? { logStream: { write: (line: string) => void logs.push(line) } }
        : { logRequests: false }),
    });
  } catch (error) {
    // A PostgreSQL test database is dropped even when the site cannot be built.
    await database.close();
    throw error;
  }
  return {
    database,
    viewCounter,
    app,
    async close() {
      await app.close();
      await viewCounter.stop();
      await database.close();
    },
  };
}

/** Imports a capture into a test site's database. */
export function importInto(
  database: Database,
  bytes: Uint8Array,
  options: { date?: { year: number; month: number; day: number }; timeZone?: string } = {},
) {
  return importCapture({ database, now: () => NOW }, bytes, {
    date: options.date,
    timeZone: options.timeZone ?? 'Asia/Damascus',
  });
}
