/**
 * Addresses answered 404 (table `missed_paths`), counted per UTC day so
 * that the newsroom sees which old links are still missed, and old days
 * can be forgotten.
 */
import { sql } from 'kysely';
import type { MissedPath } from '../../domain/redirect.js';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import { toInt } from './convert.js';

/** Rows written per statement: 3 parameters a row. */
const ROWS_PER_INSERT = 500;

/**
 * Adds `counts` (path → misses) to the day `day` (`YYYY-MM-DD`, UTC):
 * `hits + n`, so that instances never overwrite each other's counts.
 */
export async function addMissedHits(
  db: Db,
  counts: ReadonlyMap<string, number>,
  day: string,
): Promise<void> {
  const rows = [...counts].map(([path, hits]) => ({ path, day, hits }));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db
      .insertInto('missed_paths')
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .onConflict((oc) =>
        oc
          .columns(['path', 'day'])
          .doUpdateSet({ hits: sql<number>`missed_paths.hits + excluded.hits` }),
      )
      .execute();
  }
}

/** How many paths were missed on `day` (`YYYY-MM-DD`, UTC). */
export async function countMissedPathsOfDay(db: Db, day: string): Promise<number> {
  const row = await db
    .selectFrom('missed_paths')
    .select((eb) => eb.fn.countAll<DbInt>().as('n'))
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return toInt(row.n);
}

/** Which of `paths` were missed on `day` already. */
export async function missedOnDay(
  db: Db,
  day: string,
  paths: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < paths.length; start += ROWS_PER_INSERT) {
    const rows = await db
      .selectFrom('missed_paths')
      .select('path')
      .where('day', '=', day)
      .where('path', 'in', paths.slice(start, start + ROWS_PER_INSERT))
      .execute();
    for (const row of rows) found.add(row.path);
  }
  return found;
}

/**
 * The `limit` paths missed most often since `sinceDay` (`YYYY-MM-DD`, UTC,
 * included), most first, leaving out those that now have a redirect.
 */
export async function topMissedPaths(
  db: Db,
  sinceDay: string,
  limit: number,
): Promise<MissedPath[]> {
  const rows = await db
    .selectFrom('missed_paths')
    .select((eb) => [
      'path',
      eb.fn.sum<DbInt>('hits').as('total'),
      eb.fn.max<string>('day').as('last_day'),
    ])
    .where('day', '>=', sinceDay)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('redirects')
            .select('redirects.id')
            .whereRef('redirects.from_key', '=', 'missed_paths.path'),
        ),
      ),
    )
    .groupBy('path')
    .orderBy('total', 'desc')
    .orderBy('path')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ path: row.path, hits: toInt(row.total), lastDay: row.last_day }));
}

/** Forgets the days before `beforeDay` (`YYYY-MM-DD`, UTC). @returns rows deleted. */
export async function pruneMissedPaths(db: Db, beforeDay: string): Promise<number> {
  const result = await db
    .deleteFrom('missed_paths')
    .where('day', '<', beforeDay)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
