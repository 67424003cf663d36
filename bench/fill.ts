/**
 * A scratch database for the bench: the corpus imported as a newsroom
 * would (`midad import` of a JSON Lines file, each batch in one
 * transaction with its search keys), then copied inside the database
 * until it holds `articles` articles, then the search index rebuilt from
 * scratch as `midad reindex` does, so that the indexing rate is measured
 * on the full size.
 */
import { sql } from 'kysely';
import { importJsonl } from '../src/importers/jsonl/import-jsonl.js';
import { rebuildSearchIndex } from '../src/services/reindex.js';
import { openDatabase, type Database } from '../src/storage/database.js';

/** What filling the database took. Times in ms. */
export interface Fill {
  database: Database;
  /** Articles in the corpus file that imported. */
  imported: number;
  importMs: number;
  /** Articles in the database after the copies. */
  articles: number;
  copyMs: number;
  /** Rebuilding the whole search index (`rebuildSearchIndex`). */
  indexMs: number;
}

/**
 * Id offset between copies: above every id of the corpus (ten digits), so
 * a copy's id is the original's plus k × COPY_ID_STRIDE.
 */
const COPY_ID_STRIDE = 10_000_000_000n;

/**
 * Imports `corpus` into a new database (an SQLite `file`, or the empty
 * PostgreSQL database at `url`), copies its
 * articles until there are at least `articles` (copies keep headline, body,
 * section and dates; slugs are led by `ck-`, since a `-k` suffix can be an
 * imported slug already: the second `x` of the corpus is `x-1`; source URLs
 * are dropped), and
 * rebuilds the search index (on PostgreSQL, then vacuums and analyses it).
 * @throws Error when the corpus imports no article.
 */
export async function fillDatabase(
  target: { file: string } | { url: string },
  corpus: string,
  articles: number,
  onStep: (step: string) => void,
): Promise<Fill> {
  const database = await openDatabase('url' in target ? { file: '', url: target.url } : target);
  onStep(`importing ${corpus}`);
  let started = performance.now();
  const summary = await importJsonl({ database, now: () => new Date() }, corpus, {
    timeZone: 'UTC',
  });
  const importMs = performance.now() - started;
  const imported = summary.created + summary.updated;
  if (imported === 0) throw new Error(`no article imported from ${corpus}`);

  started = performance.now();
  const copies = Math.max(0, Math.ceil(articles / imported) - 1);
  if (copies > 0) onStep(`copying to ${articles.toLocaleString('en')} articles`);
  const columns = await articleColumns(database);
  const copied = columns.filter((c) => !['id', 'slug', 'source_url'].includes(c));
  const list = sql.join(copied.map((c) => sql.ref(c)));
  for (let k = 1; k <= copies; k++) {
    const remaining = articles - imported * k;
    // Numbers we make, written into the SQL: pg cannot bind a BigInt.
    const offset = sql.raw((BigInt(k) * COPY_ID_STRIDE).toString());
    await sql`insert into articles (id, slug, ${list})
      select id + ${offset}, case when slug is null then null else ${`c${k}-`} || slug end, ${list}
      from articles where id < ${sql.raw(COPY_ID_STRIDE.toString())} order by id
      limit ${Math.min(imported, remaining)}`.execute(database.db);
  }
  const copyMs = performance.now() - started;

  onStep('rebuilding the search index');
  started = performance.now();
  const total = await rebuildSearchIndex(database);
  const indexMs = performance.now() - started;
  if (database.dialect === 'postgres') {
    // As a site that has been up a while: autovacuum's first pass over the
    // new rows would otherwise run during the HTTP runs and slow them.
    onStep('VACUUM ANALYZE (what autovacuum does to a new table)');
    await sql`vacuum analyze`.execute(database.db);
  }
  return { database, imported, importMs, articles: total, copyMs, indexMs };
}

async function articleColumns(database: Database): Promise<string[]> {
  const { rows } =
    database.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info('articles')`.execute(
          database.db,
        )
      : await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_name = 'articles' order by ordinal_position`.execute(database.db);
  return rows.map((r) => r.name);
}
