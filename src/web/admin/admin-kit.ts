/**
 * What newsroom route handlers are given: the services' dependencies, the
 * page context of a request, and rendering helpers. Built once in
 * plugin.tsx.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LimitFunction } from 'p-limit';
import type { VNode } from 'preact';
import type { Config } from '../../config/schema.js';
import type { MessageKey } from '../../i18n/format.js';
import type { PublicChangeListener } from '../../domain/public-change.js';
import type { BodySanitizer } from '../../services/sanitizer-pool.js';
import type { Database } from '../../services/database.js';
import type { TestMailSender } from '../../services/newsletter-editions.js';
import { renderDocument } from '../views/render.js';
import { success, type AdminContext, type AdminNotice } from './admin-context.js';
import type { Translate } from '../../i18n/format.js';

export interface AdminDeps {
  config: Config;
  database: Database;
  now: () => Date;
  /** The origin of a request's links (plugins/host-check.ts HostPolicy `originOf`). */
  originOf: (request: FastifyRequest) => string;
  /** Told after each change readers may see (purges the page caches). */
  onPublicChange?: PublicChangeListener;
  /** Where uploaded images are decoded, a few at a time (MediaDeps `imageSlots`). */
  imageSlots: LimitFunction;
  /** Cleans saved bodies off the event loop (services/sanitizer-pool.ts). */
  sanitizeBody?: BodySanitizer;
  /** Sends a newsletter edition's test email (issue 20); absent: no mail server is set up. */
  testMail?: TestMailSender | undefined;
}

export interface AdminKit {
  deps: AdminDeps;
  /** The page context of this request (generates the CSRF token). */
  context(request: FastifyRequest, reply: FastifyReply): AdminContext;
  /** Sends a rendered page with `status` (default 200). */
  render(reply: FastifyReply, page: VNode, status?: number): FastifyReply;
  /** Redirects after a form (303 See Other, RFC 9110 §15.4.4). */
  redirect(reply: FastifyReply, location: string): FastifyReply;
}

/**
 * Success notices shown after a redirect, named in `?notice=`: only these
 * keys are shown. A redirect follows only a change that was made; a
 * refusal re-renders its page with the error (never a `?notice=`).
 */
export const NOTICES: Readonly<Record<string, MessageKey>> = {
  'user-updated': 'admin.users.updated',
  'password-changed': 'admin.account.passwordChanged',
  'media-uploaded': 'admin.media.uploaded',
  'media-updated': 'admin.media.updated',
  'footer-saved': 'admin.pages.footer.saved',
  'redirect-saved': 'admin.redirects.saved',
  'redirect-deleted': 'admin.redirects.deleted',
  'description-saved': 'admin.taxonomy.descriptionSaved',
  'wire-source-added': 'admin.wire.sources.added',
  'wire-source-on': 'admin.wire.sources.switchedOn',
  'wire-source-off': 'admin.wire.sources.switchedOff',
  'wire-source-removed': 'admin.wire.sources.removed',
  'wire-desk-opened': 'admin.wire.sources.opened',
  'wire-desk-closed': 'admin.wire.sources.closed',
  'edition-saved': 'admin.newsletters.saved',
  'edition-sent': 'admin.newsletters.sending',
  'edition-scheduled': 'admin.newsletters.scheduled',
  'edition-unscheduled': 'admin.newsletters.unscheduled',
  'edition-tested': 'admin.newsletters.tested',
  'digest-time-saved': 'admin.newsletters.digestSaved',
  'edition-emptied': 'admin.newsletters.emptiedUnscheduled',
  'mirrors-saved': 'admin.mirrors.saved',
  'mirrors-unchanged': 'admin.mirrors.unchanged',
};

/** The success notice named by `?notice=` in `query`, in `t`'s language; null for none or an unknown name. */
export function queryNotice(t: Translate, query: unknown): AdminNotice | null {
  const name =
    typeof query === 'object' && query !== null ? (query as Record<string, unknown>).notice : null;
  const key = typeof name === 'string' && Object.hasOwn(NOTICES, name) ? NOTICES[name] : undefined;
  return key ? success(t(key)) : null;
}

/** Sends HTML that must never be cached or shared. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(page));
}
