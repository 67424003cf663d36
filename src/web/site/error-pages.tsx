/**
 * Arabic error pages: 400 for malformed requests, 404 for unknown paths
 * and ids, 500 for failures.
 * Requests under /api get JSON instead.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../lib/error-catalogue.js';
import { ErrorPage, type ErrorStatus } from '../views/error-page.js';
import { renderDocument } from '../views/render.js';
import type { PageContext } from '../views/page-context.js';

const API_CODES: Record<ErrorStatus, ErrorCode> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  500: 'INTERNAL',
};

export interface ErrorPageDeps {
  pageContext: (request: FastifyRequest) => PageContext;
}

export function sendNotFound(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ErrorPageDeps,
): FastifyReply {
  return sendError(request, reply, deps, 404);
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ErrorPageDeps,
  status: ErrorStatus,
): FastifyReply {
  reply.code(status).header('cache-control', 'no-store');
  if (request.url.startsWith('/api/')) {
    return reply.send({ error: { code: API_CODES[status], status } });
  }
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .send(renderDocument(<ErrorPage ctx={deps.pageContext(request)} status={status} />));
}
