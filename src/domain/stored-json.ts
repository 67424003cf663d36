/**
 * Reading a setting stored as JSON (the `settings` table holds text).
 * Plain data, no I/O.
 */

/**
 * The object a stored JSON setting holds, or null when it is unset,
 * unreadable or not an object: a hand-edited value breaks nothing.
 * @example storedObject('{"a":1}') // { a: 1 }; storedObject('{a') // null
 */
export function storedObject(value: string | null): Record<string, unknown> | null {
  if (value === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
}
