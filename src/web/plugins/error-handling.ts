/**
 * One place that turns failures into responses: the Arabic error pages
 * (400, 404, 405, 500), JSON under /api. Registered before any route so that
 * every plugin scope inherits it. A 500 never shows the reader what failed;
 * the log does.
 */
import type { FastifyError, FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { sendError, sendNotFound, type ErrorPageDeps } from '../site/error-pages.js';

/** The methods routes are registered with, in the order `Allow` lists them. */
const METHODS: readonly HTTPMethods[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
];

/**
 * The methods that have a route for the path of `request` when its own
 * method has none, else none: a route that found nothing (a static file
 * refused) is a 404. Fastify answers a method without a route as a path
 * without one; it is `405 Method Not Allowed` with `Allow` (RFC 9110 §15.5.6).
 */
function allowedMethods(app: FastifyInstance, request: FastifyRequest): HTTPMethods[] {
  const path = request.url.split('?', 1)[0]!;
  const routed = (method: string) => app.findRoute({ method: method as HTTPMethods, url: path });
  if (routed(request.method) !== null) return [];
  return METHODS.filter((method) => routed(method) !== null);
}

export function errorHandling(app: FastifyInstance, deps: ErrorPageDeps): void {
  app.setNotFoundHandler((request, reply) => {
    const allowed = allowedMethods(app, request);
    if (allowed.length === 0) return sendNotFound(request, reply, deps);
    return sendError(request, reply.header('allow', allowed.join(', ')), deps, 405);
  });
  app.setErrorHandler((error, request, reply) => {
    const status = error instanceof AppError ? error.status : (error as FastifyError).statusCode;
    if (status === 404 || status === 414) return sendNotFound(request, reply, deps);
    // Past a rate limit (the view beacon's): Retry-After is set; there is nothing to show.
    if (status === 429) return reply.code(429).header('cache-control', 'no-store').send();
    if (status === 403) {
      request.log.info({ err: error }, 'refused');
      return sendError(request, reply, deps, 403);
    }
    if (status !== undefined && status >= 400 && status < 500) {
      request.log.info({ err: error }, 'bad request');
      return sendError(request, reply, deps, 400);
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, deps, 500);
  });
}
