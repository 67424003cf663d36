/**
 * Conversions between what the two drivers return and domain values.
 * SQLite (safe-integer mode) returns integers as bigint; PostgreSQL returns
 * bigint columns as strings and timestamptz as Date.
 */
import { toArticleId, type ArticleId } from '../../domain/article-id.js';
import type { DbInt } from '../tables/schema.js';

/** A count or small integer column as a JS number. @throws RangeError past 2^53. */
export function toInt(value: DbInt): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer out of range: ${String(value)}`);
  return n;
}

/** An id column as a decimal string (ids may exceed 2^53). */
export function toIdString(value: DbInt): string {
  return typeof value === 'bigint' ? value.toString() : String(value);
}

/** An article id column as an ArticleId. */
export function toArticleIdValue(value: DbInt): ArticleId {
  return toArticleId(typeof value === 'number' ? value : toIdString(value));
}

/** A timestamp column (ISO string or Date) as a Date. */
export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A nullable timestamp column as a Date or null. */
export function toDateOrNull(value: string | Date | null): Date | null {
  return value === null ? null : toDate(value);
}

/** A Date as the ISO-8601 UTC string both engines store (`2020-01-18T09:43:00.000Z`). */
export function fromDate(value: Date): string {
  return value.toISOString();
}

/** An id string bound as a 64-bit integer parameter. */
export function bindId(id: string): bigint {
  return BigInt(id);
}
