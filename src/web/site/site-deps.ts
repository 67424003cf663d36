/**
 * What the reader site's routes need, wired in web/app.ts.
 */
import type { FastifyRequest } from 'fastify';
import type { RepeatViews } from '../../services/repeat-views.js';
import type { ViewCounter } from '../../services/view-counter.js';
import type { CachedPages } from '../cache/cached-pages.js';
import type { ChangeMemo } from '../cache/change-memo.js';
import type { Database } from '../../services/database.js';
import type { PageContext, SharedPageParts } from '../views/page-context.js';
import type { RedirectFallback } from './error-pages.js';

export interface SiteDeps {
  database: Database;
  viewCounter: ViewCounter;
  /** View beacons counted at most per address and minute (MIDAD_VIEW_BEACONS_PER_MINUTE). */
  beaconsPerMinute: number;
  /** The per-visitor window against double counts. */
  repeatViews: RepeatViews;
  /** The rendered-page cache that public pages are served through. */
  pages: CachedPages;
  /** The ticker, footer menu and header every page shows, kept until a public change. */
  sharedParts: ChangeMemo<SharedPageParts>;
  /** The clock (UTC). */
  now: () => Date;
  /** The site's IANA time zone (dates typed in forms are read in it). */
  timeZone: string;
  /** What feeds carry of each article (setting MIDAD_FEED_CONTENT). */
  feedContent: 'full' | 'excerpt';
  /** Folder of the media library's files (to tell a feed enclosure's size). */
  mediaDir: string;
  /** The origin a request's pages are made for (MIDAD_BASE_URL, else its own): part of each cache key. */
  originOf: (request: FastifyRequest) => string;
  /** The page context of a request (its origin, the current time, the site's locale). */
  pageContext: (request: FastifyRequest) => PageContext;
  /** Old addresses, consulted by every 404 (error-pages.ts sendNotFound). */
  redirects?: RedirectFallback | undefined;
}

/** The site's dependencies with the page context of a request, the shared parts read in (routes.tsx). */
export type SiteDepsWithContext = SiteDeps & {
  context: (request: FastifyRequest) => Promise<PageContext>;
};
