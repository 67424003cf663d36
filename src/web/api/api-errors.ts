/**
 * The Content API's errors, always JSON: `{ error: { code, message,
 * parameter? } }`. A bad parameter is answered 400 naming it; a refusal
 * of a service with its status; anything else 500, and logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ERROR_CATALOGUE, type ErrorCode } from '../../lib/error-catalogue.js';
import { AppError, InvalidParameter } from '../../lib/errors.js';

/** The JSON of an error, with its code's status: `{ error: { code, message, parameter? } }`, never cached. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  parameter?: string,
) {
  return reply
    .code(ERROR_CATALOGUE[code].status)
    .header('cache-control', 'no-store')
    .send({ error: { code, message, ...(parameter === undefined ? {} : { parameter }) } });
}

/** The parameter a Fastify validation error is about: `limit`, or `id` for a path. */
function parameterOf(error: FastifyError): string {
  const first = error.validation?.[0];
  const params = (first?.params ?? {}) as Record<string, unknown>;
  const named = params['missingProperty'] ?? params['additionalProperty'];
  if (typeof named === 'string') return named;
  return (first?.instancePath ?? '').replace(/^\//, '').split('/')[0] || 'query';
}

/** Answers the errors and unknown paths of the `api` scope as JSON. */
export function answerErrorsAsJson(api: FastifyInstance): void {
  api.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation)
      return sendError(reply, 'INVALID_PARAMETER', error.message, parameterOf(error));
    if (error instanceof InvalidParameter)
      return sendError(reply, error.code, error.message, error.details.parameter);
    if (error instanceof AppError && error.status < 500)
      return sendError(reply, error.code, error.message);
    request.log.error({ err: error }, 'content API failure');
    return sendError(reply, 'INTERNAL', 'Something went wrong on our side.');
  });
  api.setNotFoundHandler((_request, reply) =>
    sendError(reply, 'NOT_FOUND', 'No such resource in this API.'),
  );
}
