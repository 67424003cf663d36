/**
 * A Content API key as administrators see it: never the key itself (only
 * its SHA-256 is stored). Plain data, no I/O.
 */

/** A key as administrators see it: never the key itself. */
export interface ApiKey {
  id: string;
  name: string;
  /** The key's first characters, to recognise it. */
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
