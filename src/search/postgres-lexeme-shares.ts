/**
 * PostgreSQL: the share of articles whose `match` vector holds each of the
 * most common lexemes, as the planner's own statistics of article_match
 * say (pg_stats most_common_elems and most_common_elem_freqs of `match`,
 * kept by ANALYZE and autovacuum: some 1,000 lexemes, the rarest of them in
 * a few hundredths of the articles). A search reads them to tell a very
 * common word (على is in 76 % of the articles at 100,000) from the rest.
 * Read once per database handle and again after SHARES_MAX_AGE_MS: the
 * statement costs some 8 ms, most of it planning the pg_stats view.
 */
import { sql } from 'kysely';
import type { Db } from '../storage/db.js';

/** How long a read of the statistics serves, in ms. */
export const SHARES_MAX_AGE_MS = 10 * 60 * 1000;

const read = new WeakMap<Db, { at: number; shares: Promise<ReadonlyMap<string, number>> }>();

/**
 * Lexeme → share of articles (0 to 1) for the lexemes the statistics
 * hold; empty before the first ANALYZE of article_match, or when the
 * statistics cannot be read.
 */
export function lexemeShares(db: Db, now = Date.now()): Promise<ReadonlyMap<string, number>> {
  const cached = read.get(db);
  if (cached && now - cached.at < SHARES_MAX_AGE_MS) return cached.shares;
  const shares = sql<{ lexeme: string; share: number }>`select e.lexeme, e.share
      from pg_stats s cross join lateral
        unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(lexeme, share)
      where s.schemaname = current_schema() and s.tablename = 'article_match' and s.attname = 'match'
      and e.lexeme is not null`
    .execute(db)
    .then(({ rows }) => new Map(rows.map((r) => [r.lexeme, Number(r.share)])))
    .catch(() => {
      // None known: searches take their usual way, and the next one reads again.
      read.delete(db);
      return new Map<string, number>();
    });
  read.set(db, { at: now, shares });
  return shares;
}
