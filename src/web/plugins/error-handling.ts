/**
 * One place that turns failures into responses: the Arabic error pages
 * (400, 404, 500), JSON under /api. Registered before any route so that
 * every plugin scope inherits it. A 500 never shows the reader what failed;
 * the log does.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { sendError, sendNotFound, type ErrorPageDeps } from '../site/error-pages.js';

export function errorHandling(app: FastifyInstance, deps: ErrorPageDeps): void {
  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply, deps));
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
