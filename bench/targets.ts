/**
 * What the HTTP bench and the soak load: the newest published articles'
 * canonical paths, the busiest sections' pages and the search query mix,
 * read from the filled database before the server starts.
 */
import { sql } from 'kysely';
import { canonicalArticlePath } from '../src/domain/article-path.js';
import { openDatabase, type Database } from '../src/storage/database.js';
import { queryMix } from './search.js';

/** The pages a load walks. Paths are ASCII (slugs percent-encoded), newest article first. */
export interface SiteTargets {
  articles: Array<{ id: string; path: string }>;
  /** `/section/<slug>` of the sections with the most published articles, most first. */
  sections: string[];
  /** `/search?q=…`: half one-word, half two-word queries of the bench's mix (search.ts). */
  searches: string[];
}

async function read(database: Database, articles: number, sections: number, searches: number) {
  const { rows } = await sql<{ id: string; slug: string | null }>`
    select cast(id as text) as id, slug from articles where status = 'published'
    order by case when published_at is null then 1 else 0 end, published_at desc, id desc
    limit ${articles}`.execute(database.db);
  const { rows: busiest } = await sql<{ slug: string }>`
    select s.slug from sections s join articles a on a.section_id = s.id
    where a.status = 'published' group by s.slug order by count(*) desc, s.slug
    limit ${sections}`.execute(database.db);
  const mix = await queryMix(database);
  const half = Math.ceil(searches / 2);
  const queries = [
    ...mix.filter((m) => m.words === 1).slice(0, half),
    ...mix.filter((m) => m.words === 2).slice(0, searches - half),
  ];
  return {
    articles: rows.map((r) => ({ id: r.id, path: canonicalArticlePath(r.id, r.slug) })),
    sections: busiest.map((s) => `/section/${encodeURIComponent(s.slug)}`),
    searches: queries.map((m) => `/search?q=${encodeURIComponent(m.q)}`),
  };
}

/**
 * Reads the targets of the database `target` (opened without migrating, then closed).
 * @param counts how many of each at most.
 * @throws Error when no article is published or no section has one.
 */
export async function readTargets(
  target: { file: string } | { url: string },
  counts: { articles: number; sections: number; searches: number },
): Promise<SiteTargets> {
  const database = await openDatabase(
    'url' in target ? { file: '', url: target.url, migrate: false } : { ...target, migrate: false },
  );
  try {
    const targets = await read(database, counts.articles, counts.sections, counts.searches);
    if (targets.articles.length === 0) throw new Error('no published article');
    if (targets.sections.length === 0) throw new Error('no section has a published article');
    return targets;
  } finally {
    await database.close();
  }
}
