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
import { bindId, toIdString } from '../src/storage/repositories/convert.js';
import { mulberry32 } from './random.js';

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

/** Tags given to the corpus's articles, which has none (see tagArticles). */
export const TAG_COUNT = 1000;

/**
 * Gives the imported articles tags, as a newsroom would have: 0 to 3 each
 * (a fifth none, three tenths one, three tenths two, a fifth three), drawn
 * from TAG_COUNT tags named `وسم <n>` (slug `tag-<n>`) with weights 1/n
 * (Zipf's law, as word and topic frequencies go): tag 1 is on about a
 * third of the articles, tag 1,000 on a few, the long tail of real sites.
 * Deterministic: the same corpus gets the same tags on every run.
 */
async function tagArticles(database: Database): Promise<void> {
  const db = database.db;
  const tagIds: string[] = [];
  for (let from = 1; from <= TAG_COUNT; from += 500) {
    const names = Array.from({ length: Math.min(500, TAG_COUNT - from + 1) }, (_, i) => from + i);
    const rows = await db
      .insertInto('tags')
      .values(names.map((n) => ({ name: `وسم ${n}`, slug: `tag-${n}` })))
      .returning('id')
      .execute();
    tagIds.push(...rows.map((r) => toIdString(r.id)));
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (let n = 1; n <= TAG_COUNT; n++) cumulative.push((sum += 1 / n));
  const random = mulberry32(21);
  const draw = () => {
    const x = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < x) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const articles = await db.selectFrom('articles').select('id').orderBy('id').execute();
  const links: Array<{
    article_id: ReturnType<typeof bindId>;
    tag_id: ReturnType<typeof bindId>;
    position: number;
  }> = [];
  for (const { id } of articles) {
    const r = random();
    const count = r < 0.2 ? 0 : r < 0.5 ? 1 : r < 0.8 ? 2 : 3;
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(draw());
    [...chosen].forEach((at, position) =>
      links.push({ article_id: bindId(toIdString(id)), tag_id: bindId(tagIds[at]!), position }),
    );
  }
  for (let from = 0; from < links.length; from += 1000)
    await db
      .insertInto('article_tags')
      .values(links.slice(from, from + 1000))
      .execute();
}

/** The tables linking an article to its tags and bylines, which copies carry too. */
const LINK_TABLES = [
  { name: 'article_tags', other: 'tag_id' },
  { name: 'article_authors', other: 'user_id' },
] as const;

/**
 * Gives each copy made at `offset` the links (`table`: tags or bylines) of
 * its original: rows of originals whose copy exists, with the copy's id.
 */
async function copyLinks(
  database: Database,
  table: (typeof LINK_TABLES)[number]['name'],
  other: (typeof LINK_TABLES)[number]['other'],
  offset: ReturnType<typeof sql.raw>,
): Promise<void> {
  const stride = sql.raw(COPY_ID_STRIDE.toString());
  await sql`insert into ${sql.table(table)} (article_id, ${sql.ref(other)}, position)
    select l.article_id + ${offset}, l.${sql.ref(other)}, l.position from ${sql.table(table)} l
    where l.article_id < ${stride}
    and exists (select 1 from articles c where c.id = l.article_id + ${offset})`.execute(
    database.db,
  );
}

/**
 * Imports `corpus` into a new database (an SQLite `file`, or the empty
 * PostgreSQL database at `url`), copies its
 * articles until there are at least `articles` (copies keep headline, body,
 * section, dates, tags and bylines; slugs are led by `ck-`, since a `-k` suffix can be an
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
  onStep(`tagging the corpus (${TAG_COUNT.toLocaleString('en')} tags)`);
  await tagArticles(database);

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
    for (const table of LINK_TABLES) await copyLinks(database, table.name, table.other, offset);
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
