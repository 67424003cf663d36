/**
 * What grows with the number of articles (issue 21, item 6): the reads a
 * site makes whose cost could grow with its size, each timed through the
 * service the routes call (no HTTP, no page cache, no rendering), on the
 * filled database, and the database's size on disk.
 *
 * Before the probes, views are added as readers would have left them:
 * one article in a hundred viewed, spread over the last seven days (one
 * UTC hour a day), so that the most-read lists of the day and the week
 * read real hourly buckets (addViews, as the view spool does).
 *
 * Each probe runs once untimed, then PROBE_RUNS times; the median wall
 * time and the median CPU time of this process are kept (on SQLite the
 * process does all the work, so its CPU time is the steadier figure on a
 * shared machine; on PostgreSQL the work is the server's, only wall time
 * says it).
 */
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import type { ArticleId } from '../src/domain/article-id.js';
import {
  getHomePage,
  getLatestPage,
  getListing,
  getMostRead,
  LATEST_PAGE_SIZE,
  MAX_LISTING_PAGE,
} from '../src/services/read-pages.js';
import { searchArticles } from '../src/services/search-articles.js';
import { getSitemapFile, listSitemapFiles } from '../src/services/sitemap-entries.js';
import { sectionsWithCounts, tagsWithCounts } from '../src/services/taxonomy-lists.js';
import type { Database } from '../src/storage/database.js';
import { addViews, listMostRead } from '../src/storage/repositories/article-views.repository.js';
import { countArticles } from '../src/storage/repositories/articles.repository.js';
import { ms, row } from './table.js';

/** Timed runs of each probe, after one untimed. */
const PROBE_RUNS = 5;
/** One article in VIEWED_ONE_IN is given views. */
const VIEWED_ONE_IN = 100;
/** The site's time zone for the sitemaps (the fill imports in UTC). */
const TIME_ZONE = 'UTC';
/** The deepest page of the latest list, a section or a tag (20 articles a page). */
const DEEP_PAGE = MAX_LISTING_PAGE;

/** One probe's medians, ms. */
export interface ProbeTime {
  wallMs: number;
  cpuMs: number;
  /** What the probe read: rows, URLs, matches (to check that it did the work). */
  items: number;
}

export interface ScaleFigures {
  /** The database on disk: the SQLite file with its WAL, or pg_database_size. Bytes. */
  databaseBytes: number;
  /** Article rows given views before the probes. */
  viewedArticles: number;
  probes: Record<string, ProbeTime>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(probe: () => Promise<number>): Promise<ProbeTime> {
  let items = await probe();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < PROBE_RUNS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    items = await probe();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), items };
}

/** Bytes of the database: the SQLite file and its WAL, or the PostgreSQL database. */
async function databaseBytes(database: Database, file: string | null): Promise<number> {
  if (file !== null) {
    const size = (path: string) => {
      try {
        return statSync(path).size;
      } catch {
        return 0;
      }
    };
    return size(file) + size(`${file}-wal`);
  }
  const { rows } = await sql<{
    bytes: string;
  }>`select pg_database_size(current_database()) as bytes`.execute(database.db);
  return Number(rows[0]?.bytes ?? 0);
}

/** Gives one published article in VIEWED_ONE_IN views, a day's hour each over the last week. */
async function addWeekOfViews(database: Database, now: Date): Promise<number> {
  const { rows } = await sql<{ id: string }>`select cast(id as text) as id from articles
    where status = 'published' and kind = 'article' and id % ${VIEWED_ONE_IN} = 0`.execute(
    database.db,
  );
  for (let day = 0; day < 7; day++) {
    const counts = new Map<ArticleId, number>();
    rows.forEach((r, at) => {
      if (at % 7 === day) counts.set(r.id as ArticleId, 1 + (at % 13));
    });
    await addViews(database.db, counts, new Date(now.getTime() - day * 86_400_000));
  }
  return rows.length;
}

/** The section with the most published articles: its slug and how many. */
async function busiestSection(database: Database): Promise<{ slug: string; count: number }> {
  const { rows } = await sql<{ slug: string; n: number | string }>`select s.slug, count(*) as n
    from sections s join articles a on a.section_id = s.id
    where a.status = 'published' and a.kind = 'article'
    group by s.slug order by count(*) desc, s.slug limit 1`.execute(database.db);
  return { slug: rows[0]?.slug ?? '', count: Number(rows[0]?.n ?? 0) };
}

/**
 * The tags on the most and on the fewest published articles (of those on
 * one at least): slug and count each, or null when no article has a tag.
 */
async function tagsAtEnds(database: Database): Promise<{
  busiest: { slug: string; count: number };
  rarest: { slug: string; count: number };
} | null> {
  const { rows } = await sql<{ slug: string; n: number | string }>`select t.slug, count(*) as n
    from tags t join article_tags at on at.tag_id = t.id join articles a on a.id = at.article_id
    where a.status = 'published' and a.kind = 'article'
    group by t.slug order by count(*) desc, t.slug`.execute(database.db);
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return null;
  return {
    busiest: { slug: first.slug, count: Number(first.n) },
    rarest: { slug: last.slug, count: Number(last.n) },
  };
}

/** The last page of a listing of `count` articles (LATEST_PAGE_SIZE a page). */
function lastPage(count: number): number {
  return Math.max(1, Math.ceil(count / LATEST_PAGE_SIZE));
}

/**
 * Adds views (see above), then times each probe on `database`.
 * @param file the SQLite file (for its size), or null on PostgreSQL.
 */
export async function measureScale(
  database: Database,
  file: string | null,
  onStep: (step: string) => void,
): Promise<ScaleFigures> {
  const deps = { database, timeZone: TIME_ZONE };
  const now = new Date();
  onStep('adding a week of views');
  const viewedArticles = await addWeekOfViews(database, now);
  const section = await busiestSection(database);
  const tags = await tagsAtEnds(database);
  const files = await listSitemapFiles(deps);
  // The first file of the month with the most articles.
  let month: string | null = null;
  let most = 0;
  for (const f of files.filter((f) => /^[0-9]{4}-[0-9]{2}$/.test(f.name))) {
    const count = (await getSitemapFile(deps, f.name))?.count ?? 0;
    if (count > most) [month, most] = [f.name, count];
  }
  const probes: Array<[string, () => Promise<number>]> = [
    ['home page (getHomePage)', async () => (await getHomePage(deps, now)).latest.length],
    [
      'most read, day and week (getMostRead)',
      async () => (await getMostRead(deps, now)).flatMap((l) => l.articles).length,
    ],
    ['most read, all time (listMostRead)', async () => (await listMostRead(database.db, 5)).length],
    ['sitemap index (listSitemapFiles)', async () => (await listSitemapFiles(deps)).length],
    [
      `monthly sitemap ${month ?? '(none)'} (getSitemapFile)`,
      async () => {
        const content = month === null ? null : await getSitemapFile(deps, month);
        let n = 0;
        if (content) for await (const _ of content.rows) n++;
        return n;
      },
    ],
    ...[1, 50, Math.min(DEEP_PAGE, lastPage(section.count))].map(
      (page): [string, () => Promise<number>] => [
        `section page ${page} (getListing)`,
        async () => (await getListing(deps, 'section', section.slug, page))?.articles.length ?? 0,
      ],
    ),
    ...(tags === null
      ? []
      : [
          ...[1, 50, Math.min(DEEP_PAGE, lastPage(tags.busiest.count))].map(
            (page): [string, () => Promise<number>] => [
              `busiest tag (${tags.busiest.count}) page ${page} (getListing)`,
              async () =>
                (await getListing(deps, 'tag', tags.busiest.slug, page))?.articles.length ?? 0,
            ],
          ),
          [
            `rarest tag (${tags.rarest.count}) page 1 (getListing)`,
            async () => (await getListing(deps, 'tag', tags.rarest.slug, 1))?.articles.length ?? 0,
          ] as [string, () => Promise<number>],
        ]),
    [
      `latest, page ${DEEP_PAGE} (getLatestPage)`,
      async () => (await getLatestPage(deps, DEEP_PAGE))?.articles.length ?? 0,
    ],
    ['article count (countArticles)', () => countArticles(database.db)],
    [
      'sections with counts (public)',
      async () => (await sectionsWithCounts(deps, 'public')).length,
    ],
    [
      'sections with counts (newsroom)',
      async () => (await sectionsWithCounts(deps, 'newsroom')).length,
    ],
    ['tags with counts (public)', async () => (await tagsWithCounts(deps, 'public')).length],
    [
      'search تونس, total (searchArticles)',
      async () =>
        (
          await searchArticles(
            { database },
            { q: 'تونس', filters: {}, sort: 'relevance', page: 1, limit: 10 },
          )
        ).total,
    ],
  ];
  const figures: ScaleFigures = {
    databaseBytes: await databaseBytes(database, file),
    viewedArticles,
    probes: {},
  };
  for (const [name, probe] of probes) {
    onStep(name);
    figures.probes[name] = await time(probe);
  }
  return figures;
}

/** Prints the SCALE table: each probe's median wall time (and CPU time) per engine. */
export function printScale(engines: Array<[string, ScaleFigures]>): void {
  console.log('');
  row(
    'SCALE (median of 5, wall / CPU of the bench)',
    engines.map(([name]) => name),
  );
  row(
    'database on disk',
    engines.map(([, e]) => `${(e.databaseBytes / 1024 / 1024).toFixed(0)} MiB`),
  );
  const names = Object.keys(engines[0]?.[1].probes ?? {});
  for (const name of names) {
    row(
      name,
      engines.map(([, e]) => {
        const p = e.probes[name];
        return p ? `${ms(p.wallMs)} / ${ms(p.cpuMs)} (${p.items.toLocaleString('en')})` : '';
      }),
    );
  }
}
