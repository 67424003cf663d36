/**
 * The session cookie: HttpOnly, SameSite=Lax, path /admin, Secure whenever
 * the request came over HTTPS (directly, or through a proxy when
 * MIDAD_TRUST_PROXY names that proxy, which makes Fastify read X-Forwarded-Proto).
 */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_TTL_MS } from '../../services/sessions.js';

export const SESSION_COOKIE = 'midad_session';
export const LANGUAGE_COOKIE = 'midad_lang';

const BASE = { path: '/admin', httpOnly: true, sameSite: 'lax' as const };

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    ...BASE,
    secure: request.protocol === 'https',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { ...BASE, secure: request.protocol === 'https' });
}

export function setLanguageCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: string,
): void {
  reply.setCookie(LANGUAGE_COOKIE, lang, {
    ...BASE,
    secure: request.protocol === 'https',
    maxAge: 365 * 24 * 3600,
  });
}
