/**
 * The static mirror's bench (issue 22): `writeMirror` over the bench's
 * database into a new folder (every page, feed, sitemap, the search index,
 * the assets; the bench's articles have no images), then again over the
 * mirror it wrote, where nothing changed (what a refresh costs at rest).
 * Wall time of each run, and the mirror's files and bytes.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load.js';
import type { Database } from '../src/storage/database.js';
import { writeMirror } from '../src/web/mirror/write-mirror.js';
import { row } from './table.js';

export interface MirrorFigures {
  files: number;
  bytes: number;
  /** The first run, into an empty folder, ms. */
  firstMs: number;
  /** The second run over it, nothing changed, ms, and the files it wrote (0 expected). */
  againMs: number;
  againWritten: number;
}

/** Writes the mirror of `database` twice in `scratch`, then removes it. */
export async function measureMirror(
  database: Database,
  scratch: string,
  step: (s: string) => void,
): Promise<MirrorFigures> {
  const out = join(scratch, 'mirror');
  const config = loadConfig({
    MIDAD_BASE_URL: 'https://news.example',
    MIDAD_MEDIA_DIR: join(scratch, 'mirror-media'),
  });
  const deps = { config, database, now: () => new Date() };
  try {
    step('writing the static mirror');
    let started = performance.now();
    const first = await writeMirror(deps, out);
    const firstMs = performance.now() - started;
    step('writing the static mirror again, nothing changed');
    started = performance.now();
    const again = await writeMirror(deps, out);
    return {
      files: first.files,
      bytes: first.bytes,
      firstMs,
      againMs: performance.now() - started,
      againWritten: again.written,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function printMirror(engines: Array<[string, MirrorFigures]>): void {
  console.log('');
  row(
    'STATIC MIRROR (midad mirror)',
    engines.map(([name]) => name),
  );
  row(
    'first run: time',
    engines.map(([, m]) => `${(m.firstMs / 1000).toFixed(1)} s`),
  );
  row(
    'files / size',
    engines.map(
      ([, m]) => `${m.files.toLocaleString('en')} / ${(m.bytes / 1024 / 1024).toFixed(0)} MiB`,
    ),
  );
  row(
    'again, nothing changed',
    engines.map(([, m]) => `${(m.againMs / 1000).toFixed(1)} s (${m.againWritten} written)`),
  );
}
