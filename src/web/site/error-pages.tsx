/**
 * Arabic error pages: 400 for malformed requests, 404 for unknown paths
 * and ids, 405 for a method a path does not take, 500 for failures.
 * Requests under /api get JSON instead.
 *
 * Every 404 goes out through `sendNotFound`, so that is where an old
 * address gets its redirect (issue 15): a GET or HEAD on the reader site
 * that nothing else serves is looked up among the stored redirects, then
 * by the rules for old addresses (old-addresses.ts), and a miss is counted. A redirect is never looked up before a route has had
 * its say, so a page that exists is never shadowed by one.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../lib/error-catalogue.js';
import { ErrorPage, type ErrorStatus } from '../views/error-page.js';
import { LiteErrorPage } from '../views/lite/lite-error-page.js';
import { LITE_CONTENT_SECURITY_POLICY } from '../lite-policy.js';
import { renderDocument } from '../views/render.js';
import type { PageContext } from '../views/page-context.js';
import { findOldAddress } from './old-addresses.js';

const API_CODES: Record<ErrorStatus, ErrorCode> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  500: 'INTERNAL',
};

/**
 * How long a permanent redirect may be kept by browsers and shared caches,
 * seconds: an hour, so a redirect corrected in the newsroom takes effect
 * within the hour (without `max-age`, browsers keep a 301 for good).
 * Temporary ones (302, 307) are not kept.
 */
const PERMANENT_REDIRECT_MAX_AGE_S = 3600;

/** The stored redirects, as the reader site's 404s consult them (services/redirects.ts, bound). */
export interface RedirectFallback {
  /** The redirect of a request's path and query, its use counted; null when none. */
  find(pathAndQuery: string): Promise<{ to: string; status: number } | null>;
  /** Counts a 404 of a path and query (in memory; services/missed-paths.ts). */
  missed(pathAndQuery: string): void;
}

export interface ErrorPageDeps {
  pageContext: (request: FastifyRequest) => PageContext;
  /** Old addresses; without it, a 404 is only a 404. */
  redirects?: RedirectFallback | undefined;
}

/**
 * Answers a request nothing serves: with its stored redirect, or the one
 * a rule for old addresses gives, when it is a GET or HEAD of the reader
 * site (not /api, not /admin);
 * otherwise with the 404 page, counting the miss. A lookup that fails (the
 * database is down) is logged and answered 404.
 */
export async function sendNotFound(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ErrorPageDeps,
): Promise<FastifyReply> {
  return (await redirectOf(request, reply, deps, true)) ?? sendError(request, reply, deps, 404);
}

/**
 * Answers a request whose URL Fastify cannot read (FST_ERR_BAD_URL: a
 * percent-escape that is not UTF-8): with its stored redirect when it is a
 * GET or HEAD of the reader site (an old WordPress address whose long
 * Arabic slug was cut in the middle of a character), otherwise 400.
 */
export async function sendBadUrl(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ErrorPageDeps,
): Promise<FastifyReply> {
  return (await redirectOf(request, reply, deps, false)) ?? sendError(request, reply, deps, 400);
}

/**
 * The redirect answer of a reader-site GET or HEAD with a stored or ruled
 * redirect, or null (a miss is counted when `countMiss`). A lookup that
 * fails (the database is down) is logged and is a miss.
 */
async function redirectOf(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ErrorPageDeps,
  countMiss: boolean,
): Promise<FastifyReply | null> {
  if (!deps.redirects || !isReaderRequest(request)) return null;
  try {
    const found = await findOldAddress(deps.redirects, request.url);
    if (found !== null) return sendRedirect(reply, found);
    if (countMiss) deps.redirects.missed(request.url);
  } catch (error) {
    request.log.error({ err: error }, 'redirect lookup failed');
  }
  return null;
}

/** Answers with a stored (or ruled) redirect: a permanent one may be kept an hour. */
export function sendRedirect(
  reply: FastifyReply,
  found: { to: string; status: number },
): FastifyReply {
  const permanent = found.status === 301 || found.status === 308;
  return reply
    .header(
      'cache-control',
      permanent ? `public, max-age=${PERMANENT_REDIRECT_MAX_AGE_S}` : 'no-store',
    )
    .redirect(found.to, found.status);
}

/** A GET or HEAD of the reader site: not the Content API, not the newsroom. */
function isReaderRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url;
  return !/^\/(?:api|admin)(?:[/?#]|$)/.test(path);
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
  const ctx = deps.pageContext(request);
  // A lite page's error is a lite page too (issue 22).
  const lite =
    request.url === '/lite' || request.url.startsWith('/lite/') || request.url.startsWith('/lite?');
  if (lite) void reply.header('content-security-policy', LITE_CONTENT_SECURITY_POLICY);
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .send(
      renderDocument(
        lite ? (
          <LiteErrorPage ctx={ctx} status={status} />
        ) : (
          <ErrorPage ctx={ctx} status={status} />
        ),
      ),
    );
}
