/**
 * What the wire poller needs, and how a refused document is said.
 */
import type { Database } from '../../services/database.js';
import { OutboundFetchError } from '../../services/outbound-fetch.js';
import type { BodySanitizer } from '../../services/sanitizer-pool.js';
import { WireReadError } from './read-wire.js';

/** The services' deps: the database, the clock, the sanitiser of item bodies, the queue's retention. */
export interface WirePollDeps {
  database: Database;
  now: () => Date;
  sanitize: BodySanitizer;
  /** Days an item stays in the queue after its last change (config `wireRetentionDays`; default 7). */
  retentionDays?: number;
}

/** The limits of one feed's request. */
export interface WireFetchLimits {
  /** The whole exchange, body included, ms. */
  timeoutMs: number;
  /** Making the connection, ms. */
  connectTimeoutMs: number;
  /** Ends the request early (the server stopping). */
  signal?: AbortSignal;
}

/**
 * The reason a document could not be read, in short English, when the
 * fault is the document's or the connection's (a WireReadError, an
 * OutboundFetchError while the body arrived, perhaps as the `cause` of
 * another error); null for any other error (a bug, the database), which
 * the caller throws on.
 */
export function readFailure(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof OutboundFetchError) return current.reason;
    if (current instanceof WireReadError) return current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
