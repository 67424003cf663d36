/**
 * The `Save-Data` request header: a browser's data saver asking for
 * lighter pages (the Save-Data client hint, draft-grigorik-http-client-hints
 * §7, and WICG's "Save Data API": `Save-Data: on`, the token case-
 * insensitive, optionally followed by `;` and parameters). A browser that
 * sends it gets the lite version of the pages that have one, and the
 * others without the web font and with the smallest image widths (issue
 * 22). Cached pages vary on it (`Vary: Save-Data`).
 */
import type { IncomingHttpHeaders } from 'node:http';

/** `on` first, then the end or parameters (`on;foo`). */
const ON = /^[ \t]*on[ \t]*(?:;|$)/i;

/** True when `headers` carry `Save-Data: on`. */
export function saveDataOn(headers: IncomingHttpHeaders): boolean {
  const value = headers['save-data'];
  return typeof value === 'string' && ON.test(value);
}
