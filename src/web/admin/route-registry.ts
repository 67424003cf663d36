/**
 * Every newsroom route, declared with the permission it needs. The admin
 * plugin enforces the permission before the handler runs, and the
 * permission-matrix test walks this list as every role and as an
 * anonymous visitor, so no route escapes the matrix.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Action } from '../../domain/roles.js';
import type { AdminKit } from './admin-kit.js';

/**
 * `public`: anyone (sign-in, set-up, language). `signed-in`: any active
 * user. An `Action`: users whose role allows it (article rules on own/any
 * are checked again by the services, against the article).
 */
export type Permission = 'public' | 'signed-in' | Action;

export interface AdminRoute {
  /** Stable name, used by the permission test. */
  id: string;
  method: 'GET' | 'POST';
  url: string;
  permission: Permission;
  /**
   * The least level of this route's request logs (Fastify's `logLevel`);
   * default MIDAD_LOG_LEVEL. `'warn'` keeps a route's requests out of the
   * info log (the live dashboard's event stream: one line per viewer).
   */
  logLevel?: 'warn';
  handler: (request: FastifyRequest, reply: FastifyReply, kit: AdminKit) => Promise<unknown>;
}

/** Declares a route; a helper for type inference in the route files. */
export function adminRoute(route: AdminRoute): AdminRoute {
  return route;
}
