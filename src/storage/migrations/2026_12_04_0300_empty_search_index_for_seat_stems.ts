import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * The light stemmer changed again (issue 16): a hamza on a seat is read as
 * one letter (مسئول and مسؤول share a stem), ـيا reads as ـية (سوريا,
 * سورية), the attached pronouns هم هن كم نا هما go, a word is also
 * stemmed as it would be after a clitic (قضبان as in بقضبان), and ان, ون
 * and the ين of تفعيل nouns no longer leave 3 letters (لبنان is not لبن),
 * and a ي-ending keeps its ي on a hollow stem (الباقين is not باقات).
 * The stems kept in the index are stale, so this empties the index;
 * `midad serve` rebuilds an empty index at start (as does `midad reindex`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`delete from article_search`.execute(db);
  else await sql`insert into article_search (article_search) values ('delete-all')`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to undo: the index is rebuilt from the articles.
}
