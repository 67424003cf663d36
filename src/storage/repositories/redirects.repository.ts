/**
 * Stored redirects (table `redirects`), found by their normalised key
 * (domain/redirect-path.ts) through the unique index on `from_key`.
 */
import { sql } from 'kysely';
import {
  isRedirectStatus,
  type Redirect,
  type RedirectInput,
  type RedirectOrigin,
} from '../../domain/redirect.js';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import { bindId, fromDate, toDate, toDateOrNull, toIdString, toInt } from './convert.js';

interface RedirectRow {
  id: DbInt;
  from_key: string;
  from_path: string;
  to_path: string;
  status_code: DbInt;
  origin: string;
  hits: DbInt;
  last_hit_at: string | Date | null;
  created_at: string | Date;
}

function toRedirect(row: RedirectRow): Redirect {
  const status = toInt(row.status_code);
  return {
    id: toIdString(row.id),
    fromKey: row.from_key,
    fromPath: row.from_path,
    toPath: row.to_path,
    // A code written by hand in the database outside the four is answered as a 301.
    status: isRedirectStatus(status) ? status : 301,
    origin: row.origin === 'import' || row.origin === 'csv' ? row.origin : 'newsroom',
    hits: toInt(row.hits),
    lastHitAt: toDateOrNull(row.last_hit_at),
    createdAt: toDate(row.created_at),
  };
}

/** The redirect of an old address's key, or null: one indexed lookup. */
export async function findRedirectByKey(db: Db, fromKey: string): Promise<Redirect | null> {
  const row = await db
    .selectFrom('redirects')
    .selectAll()
    .where('from_key', '=', fromKey)
    .executeTakeFirst();
  return row ? toRedirect(row) : null;
}

/**
 * The redirects of the old addresses' keys `fromKeys`, by key; a key with
 * none is absent. One indexed query per 1,000 keys (well under SQLite's
 * 32,766 parameters), so one for any body's links.
 */
export async function findRedirectsByKeys(
  db: Db,
  fromKeys: readonly string[],
): Promise<Map<string, Redirect>> {
  const found = new Map<string, Redirect>();
  const keys = [...new Set(fromKeys)];
  for (let start = 0; start < keys.length; start += 1000) {
    const rows = await db
      .selectFrom('redirects')
      .selectAll()
      .where('from_key', 'in', keys.slice(start, start + 1000))
      .execute();
    for (const row of rows) found.set(row.from_key, toRedirect(row));
  }
  return found;
}

/** The redirect of id `id`, or null. */
export async function findRedirectById(db: Db, id: string): Promise<Redirect | null> {
  const row = await db
    .selectFrom('redirects')
    .selectAll()
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  return row ? toRedirect(row) : null;
}

/**
 * Adds the uses of redirects counted since the last write (redirect id →
 * uses), one statement per redirect: `hits + n` (never overwritten by
 * another instance), and `at` as the last use. A deleted redirect's count is lost.
 */
export async function addRedirectHits(
  db: Db,
  counts: ReadonlyMap<string, number>,
  at: Date,
): Promise<void> {
  for (const [id, n] of counts) {
    await db
      .updateTable('redirects')
      .set({ hits: sql<bigint>`hits + ${n}`, last_hit_at: fromDate(at) })
      .where('id', '=', bindId(id))
      .execute();
  }
}

/** A page of redirects and how many match in all. */
export interface RedirectPage {
  redirects: Redirect[];
  total: number;
}

/**
 * Redirects newest first, `limit` from `offset`; with `search`, those whose
 * old address (as given or normalised) or target contains it.
 */
export async function listRedirects(
  db: Db,
  options: { search?: string; offset: number; limit: number },
): Promise<RedirectPage> {
  let query = db.selectFrom('redirects');
  const search = options.search?.trim() ?? '';
  if (search !== '') {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('from_key', 'like', sql<string>`${pattern} escape '\\'`),
        eb('from_path', 'like', sql<string>`${pattern} escape '\\'`),
        eb('to_path', 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
    query.select((eb) => eb.fn.countAll<DbInt>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { redirects: rows.map(toRedirect), total: toInt(count.n) };
}

/** Adds a redirect. @returns null when a redirect of that key exists already. */
export async function insertRedirect(
  db: Db,
  input: RedirectInput,
  origin: RedirectOrigin,
  now: Date,
): Promise<Redirect | null> {
  const row = await db
    .insertInto('redirects')
    .values({ ...rowOf(input), origin, created_at: fromDate(now) })
    .onConflict((oc) => oc.column('from_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toRedirect(row) : null;
}

/**
 * Adds redirects, or changes the target and code of those whose key exists
 * (their hits are kept). With `keepOthers` (the site import), a key that
 * exists with another origin than `origin` is left as it is: a redirect made
 * in the newsroom or uploaded wins over one an import derived.
 * @returns the keys of the rows added or changed (those left as they were aside).
 */
export async function upsertRedirects(
  db: Db,
  inputs: readonly RedirectInput[],
  origin: RedirectOrigin,
  now: Date,
  options: { keepOthers?: boolean } = {},
): Promise<string[]> {
  const changed: string[] = [];
  // 7 parameters a row: well under SQLite's 32,766 and PostgreSQL's 65,535.
  for (let start = 0; start < inputs.length; start += 500) {
    const rows = inputs
      .slice(start, start + 500)
      .map((input) => ({ ...rowOf(input), origin, created_at: fromDate(now) }));
    const result = await db
      .insertInto('redirects')
      .values(rows)
      .onConflict((oc) => {
        const update = oc.column('from_key').doUpdateSet((eb) => ({
          from_path: eb.ref('excluded.from_path'),
          to_path: eb.ref('excluded.to_path'),
          status_code: eb.ref('excluded.status_code'),
          origin: eb.ref('excluded.origin'),
        }));
        return options.keepOthers ? update.where('redirects.origin', '=', origin) : update;
      })
      .returning('from_key')
      .execute();
    for (const row of result) changed.push(row.from_key);
  }
  return changed;
}

/** Changes a redirect's old address, target and code. @returns false when there is no such redirect. */
export async function updateRedirect(db: Db, id: string, input: RedirectInput): Promise<boolean> {
  const result = await db
    .updateTable('redirects')
    .set(rowOf(input))
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a redirect. @returns false when there was none. */
export async function deleteRedirect(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('redirects').where('id', '=', bindId(id)).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Every redirect, oldest first, read `batchSize` rows at a time by id (the
 * same on both engines, and never the whole table in memory).
 */
export async function* allRedirects(db: Db, batchSize = 1000): AsyncGenerator<Redirect> {
  let after: bigint = -1n;
  for (;;) {
    const rows = await db
      .selectFrom('redirects')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) yield toRedirect(row);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = bindId(toIdString(last.id));
  }
}

function rowOf(input: RedirectInput) {
  return {
    from_key: input.fromKey,
    from_path: input.fromPath,
    to_path: input.toPath,
    status_code: input.status,
  };
}
