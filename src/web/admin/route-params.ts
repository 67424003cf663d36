/**
 * What newsroom route handlers read of a request besides its form: the
 * signed-in user as an Actor, and the article id of the route.
 */
import type { FastifyRequest } from 'fastify';
import { parseArticleId, type ArticleId } from '../../domain/article-id.js';
import { isRole, type Actor } from '../../domain/roles.js';
import { AppError } from '../../lib/errors.js';
import { field } from './form-errors.js';

/** The signed-in user as an Actor (routes run after the guard, so there is one). */
export function actorOf(request: FastifyRequest): Actor {
  const user = request.user;
  if (!user || !isRole(user.role)) throw new AppError('FORBIDDEN', 'Sign in first.');
  return { id: user.id, role: user.role };
}

/** The article id of the route, or a 404. */
export function articleIdParam(request: FastifyRequest): ArticleId {
  const id = parseArticleId(field(request.params, 'id'));
  if (id === null) throw new AppError('ARTICLE_NOT_FOUND', 'No such article.');
  return id;
}
