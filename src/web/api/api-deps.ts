/**
 * What the Content API's routes need, wired in web/app.ts.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config/schema.js';
import type { Database } from '../../services/database.js';

export interface ContentApiDeps {
  config: Config;
  database: Database;
  now: () => Date;
  /** The origin of a request's links (plugins/host-check.ts HostPolicy `originOf`). */
  originOf: (request: FastifyRequest) => string;
}
