/**
 * What the Content API's routes need, wired in web/app.ts, and the origin
 * its links are made with.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config/schema.js';
import type { Database } from '../../services/database.js';

export interface ContentApiDeps {
  config: Config;
  database: Database;
  now: () => Date;
}

/** The origin of the API's links: MIDAD_BASE_URL, else the request's own. */
export function apiOrigin(deps: ContentApiDeps, request: FastifyRequest): string {
  return deps.config.baseUrl ?? `${request.protocol}://${request.host}`;
}
