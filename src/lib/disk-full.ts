/**
 * Recognising "the disk is full" whichever layer says it: better-sqlite3's
 * `SQLITE_FULL`, PostgreSQL's SQLSTATE `53100` (disk_full), Node's `ENOSPC`
 * and `EDQUOT` (a quota). The error's `cause` chain is searched too, since
 * services wrap what storage throws.
 */
const DISK_FULL_CODES = new Set(['SQLITE_FULL', '53100', 'ENOSPC', 'EDQUOT']);

/**
 * True when `error`, or an error in its `cause` chain, reports a full disk.
 * @example isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })) // true
 */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 10; depth++) {
    if (DISK_FULL_CODES.has(String((e as { code?: unknown }).code))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
