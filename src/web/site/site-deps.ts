/**
 * What the reader site's routes need, wired in web/app.ts.
 */
import type { FastifyRequest } from 'fastify';
import type { ViewCounter } from '../../services/view-counter.js';
import type { Database } from '../../storage/database.js';
import type { PageContext } from '../views/page-context.js';

export interface SiteDeps {
  database: Database;
  viewCounter: ViewCounter;
  /** The clock (UTC). */
  now: () => Date;
  /** The site's IANA time zone (dates typed in forms are read in it). */
  timeZone: string;
  /** The page context of a request (its origin, the current time, the site's locale). */
  pageContext: (request: FastifyRequest) => PageContext;
}
