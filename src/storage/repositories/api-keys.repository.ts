/**
 * Content API keys, found by the SHA-256 of the key.
 */
import type { ApiKey } from '../../domain/api-key.js';
import type { Db } from '../db.js';
import { bindId, fromDate, toDate, toDateOrNull, toIdString } from './convert.js';

function toApiKey(row: {
  id: bigint | number | string;
  name: string;
  prefix: string;
  created_by: bigint | number | string;
  created_at: string | Date;
  last_used_at: string | Date | null;
  revoked_at: string | Date | null;
}): ApiKey {
  return {
    id: toIdString(row.id),
    name: row.name,
    prefix: row.prefix,
    createdBy: toIdString(row.created_by),
    createdAt: toDate(row.created_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
    revokedAt: toDateOrNull(row.revoked_at),
  };
}

export async function insertApiKey(
  db: Db,
  key: { name: string; keyHash: string; prefix: string; createdBy: string },
  now: Date,
): Promise<ApiKey> {
  const row = await db
    .insertInto('api_keys')
    .values({
      name: key.name,
      key_hash: key.keyHash,
      prefix: key.prefix,
      created_by: bindId(key.createdBy),
      created_at: fromDate(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApiKey(row);
}

/** Every key, newest first, revoked ones included. */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('id', 'desc').execute();
  return rows.map(toApiKey);
}

/** The key whose hash is `keyHash`, unless it was revoked. */
export async function findActiveApiKey(db: Db, keyHash: string): Promise<ApiKey | null> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toApiKey(row) : null;
}

/** Marks a key revoked. @returns false when there is no such key, or it was revoked already. */
export async function revokeApiKey(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: fromDate(now) })
    .where('id', '=', bindId(id))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records when a key was last used. */
export async function touchApiKey(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: fromDate(now) })
    .where('id', '=', bindId(id))
    .execute();
}
