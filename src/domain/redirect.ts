/**
 * A stored redirect (table `redirects`), as the newsroom lists it and the
 * reader site answers it, and the missed addresses the newsroom is shown.
 */

/**
 * Status codes a redirect may answer with (RFC 9110 §15.4): 301 and 308
 * are permanent (search engines move the old address's standing to the
 * target), 302 and 307 temporary. The WordPress Redirection plugin offers
 * the same four for a URL redirect.
 */
export const REDIRECT_STATUSES = [301, 302, 307, 308] as const;
export type RedirectStatus = (typeof REDIRECT_STATUSES)[number];

/** True when `code` is one of REDIRECT_STATUSES. */
export function isRedirectStatus(code: number): code is RedirectStatus {
  return (REDIRECT_STATUSES as readonly number[]).includes(code);
}

/** Who made a redirect: the site import, a person in the newsroom, or a CSV upload. */
export type RedirectOrigin = 'import' | 'newsroom' | 'csv';

export interface Redirect {
  /** Decimal id. */
  id: string;
  /** The normalised old address (domain/redirect-path.ts `redirectKey`). */
  fromKey: string;
  /** The old address as it was given (before normalising), for people to read. */
  fromPath: string;
  /** A site path (`/a/12/خبر`) or an https URL. */
  toPath: string;
  status: RedirectStatus;
  origin: RedirectOrigin;
  /** Times it was followed. */
  hits: number;
  /** UTC; null when never followed. */
  lastHitAt: Date | null;
  /** UTC. */
  createdAt: Date;
}

/** What a redirect is made or changed with. */
export interface RedirectInput {
  fromKey: string;
  fromPath: string;
  toPath: string;
  status: RedirectStatus;
}

/** An address answered 404 in the last days, with how often. */
export interface MissedPath {
  /** The address's redirect key (its normalised path and query). */
  path: string;
  hits: number;
  /** The last UTC day (`YYYY-MM-DD`) it was missed. */
  lastDay: string;
}
