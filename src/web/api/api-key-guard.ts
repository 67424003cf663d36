/**
 * The Content API's key check: every request but a CORS preflight carries
 * an API key that an administrator made, as `Authorization: Bearer
 * midad_…` or `?key=midad_…`; without one it is answered 401.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateApiKey } from '../../services/api-keys.js';
import type { ContentApiDeps } from './api-deps.js';
import { sendError } from './api-errors.js';

/** The `onRequest` hook that answers 401 to a request without a working key. */
export function requireApiKey(deps: ContentApiDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS') return;
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const query = (request.query as Record<string, unknown>)['key'];
    const presented = bearer ?? (typeof query === 'string' ? query : undefined);
    if (presented === undefined) {
      reply.header('www-authenticate', 'Bearer');
      return sendError(reply, 'API_KEY_MISSING', 'Send an API key: Authorization: Bearer midad_…');
    }
    if (!(await authenticateApiKey(deps, presented))) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return sendError(reply, 'API_KEY_INVALID', 'This API key does not exist or was revoked.');
    }
  };
}
