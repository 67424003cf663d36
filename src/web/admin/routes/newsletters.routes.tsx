/**
 * Newsletter editions in the newsroom (issue 20; `newsletter.manage`):
 * the list, a new edition, the edition editor with its preview, sending,
 * scheduling and test emails, and the automatic digest's time
 * (`settings.manage`). Each POST redirects back with a notice after a
 * change, or shows its page again with the refusal (422/409).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { editionMailSite } from '../../../services/edition-mail.js';
import {
  createEditionDraft,
  editionEditor,
  editionsOverview,
  moveEditionArticle,
  previewEditionMail,
  saveDigestTime,
  saveEdition,
  scheduleEdition,
  sendEditionNow,
  sendTestEdition,
  type ArticleMove,
  type EditionDeps,
} from '../../../services/newsletter-editions.js';
import { queryNotice, type AdminKit } from '../admin-kit.js';
import { field, formErrorsOf } from '../form-errors.js';
import { actorOf } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import type { FormErrors } from '../views/auth-pages.js';
import { EditionPage, NewslettersPage, type EditionValues } from '../views/newsletters-page.js';

function editionDeps(kit: AdminKit): EditionDeps {
  return {
    database: kit.deps.database,
    now: kit.deps.now,
    site: editionMailSite(kit.deps.config),
    testMail: kit.deps.testMail,
  };
}

/** The checked values of a repeated form field (`articles=1&articles=2`). */
function values(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | null)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page's Content-Security-Policy with what the email preview needs: a
 * srcdoc frame takes its parent's policy, so each inline style of the
 * email is allowed by its hash (CSP Level 3 'unsafe-hashes'; nothing else
 * inline is), and images from the site's public origin.
 */
function previewPolicy(reply: FastifyReply, html: string, origin: string): void {
  const current = reply.getHeader('content-security-policy');
  if (typeof current !== 'string') return;
  const styles = new Set<string>();
  for (const m of html.matchAll(/ style="([^"]*)"/g))
    styles.add(
      (m[1] ?? '')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
  for (const m of html.matchAll(/<style>([^<]*)<\/style>/g)) styles.add(m[1] ?? '');
  const hashes = [...styles].map(sha256).join(' ');
  reply.header(
    'content-security-policy',
    current
      .replace(/style-src 'self'/, `style-src 'self' 'unsafe-hashes' ${hashes}`)
      .replace(/img-src 'self'/, `img-src 'self' ${origin}`),
  );
}

async function showList(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: { errors?: FormErrors; digestValue?: string } = {},
) {
  const ctx = kit.context(request, reply);
  const overview = await editionsOverview(editionDeps(kit), actorOf(request));
  return kit.render(
    reply,
    <NewslettersPage
      ctx={ctx}
      overview={overview}
      notice={queryNotice(ctx.t, request.query)}
      errors={extra.errors}
      digestValue={extra.digestValue}
    />,
    extra.errors ? 422 : 200,
  );
}

async function showEdition(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: {
    errors?: FormErrors;
    status?: number;
    values?: EditionValues;
  } = {},
) {
  const ctx = kit.context(request, reply);
  const deps = editionDeps(kit);
  const q = field(request.query, 'q').slice(0, 200);
  const editor = await editionEditor(deps, actorOf(request), field(request.params, 'id'), q);
  previewPolicy(reply, editor.mail.html, deps.site.origin);
  return kit.render(
    reply,
    <EditionPage
      ctx={ctx}
      editor={editor}
      q={q}
      notice={queryNotice(ctx.t, request.query)}
      errors={extra.errors}
      values={extra.values}
    />,
    extra.errors ? (extra.status ?? 422) : 200,
  );
}

/**
 * Runs `change`, then redirects to the edition with `notice` (or, when
 * `change` answers true, `ifTrue`); a refusal shows the edition again.
 */
async function editionAction(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  change: () => Promise<unknown>,
  notice: string,
  values?: EditionValues,
  ifTrue?: string,
) {
  const id = field(request.params, 'id');
  try {
    if ((await change()) === true && ifTrue) notice = ifTrue;
  } catch (error) {
    const errors = formErrorsOf(kit.context(request, reply), error);
    const status = (error as { status?: number }).status;
    if (status === 404) throw error;
    return showEdition(request, reply, kit, {
      errors,
      status: status ?? 422,
      ...(values ? { values } : {}),
    });
  }
  return kit.redirect(reply, `/admin/newsletters/${id}?notice=${notice}`);
}

export const newslettersRoutes: AdminRoute[] = [
  adminRoute({
    id: 'newsletters.list',
    method: 'GET',
    url: '/admin/newsletters',
    permission: 'newsletter.manage',
    handler: (request, reply, kit) => showList(request, reply, kit),
  }),
  adminRoute({
    id: 'newsletters.create',
    method: 'POST',
    url: '/admin/newsletters/new',
    permission: 'newsletter.manage',
    handler: async (request, reply, kit) => {
      const id = await createEditionDraft(editionDeps(kit), actorOf(request));
      return kit.redirect(reply, `/admin/newsletters/${id}`);
    },
  }),
  adminRoute({
    id: 'newsletters.digest-time',
    method: 'POST',
    url: '/admin/newsletters/digest-time',
    permission: 'settings.manage',
    handler: async (request, reply, kit) => {
      const value = field(request.body, 'digestTime');
      try {
        await saveDigestTime(editionDeps(kit), actorOf(request), value);
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showList(request, reply, kit, { errors, digestValue: value });
      }
      return kit.redirect(reply, '/admin/newsletters?notice=digest-time-saved');
    },
  }),
  adminRoute({
    id: 'newsletters.edition',
    method: 'GET',
    url: '/admin/newsletters/:id',
    permission: 'newsletter.manage',
    handler: (request, reply, kit) => showEdition(request, reply, kit),
  }),
  adminRoute({
    id: 'newsletters.preview',
    method: 'GET',
    url: '/admin/newsletters/:id/preview.html',
    permission: 'newsletter.manage',
    handler: async (request, reply, kit) => {
      const deps = editionDeps(kit);
      const mail = await previewEditionMail(deps, actorOf(request), field(request.params, 'id'));
      // The email alone, as a mail reader shows it: its own styles and the site's images, no script.
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' ${deps.site.origin} data:; sandbox`,
        )
        .send(mail.html);
    },
  }),
  adminRoute({
    id: 'newsletters.save',
    method: 'POST',
    url: '/admin/newsletters/:id',
    permission: 'newsletter.manage',
    handler: (request, reply, kit) => {
      const input = {
        subject: field(request.body, 'subject'),
        intro: field(request.body, 'intro'),
        articleIds: values(request.body, 'articles'),
      };
      return editionAction(
        request,
        reply,
        kit,
        () => saveEdition(editionDeps(kit), actorOf(request), field(request.params, 'id'), input),
        'edition-saved',
        { subject: input.subject, intro: input.intro },
        'edition-emptied',
      );
    },
  }),
  adminRoute({
    id: 'newsletters.articles',
    method: 'POST',
    url: '/admin/newsletters/:id/articles',
    permission: 'newsletter.manage',
    handler: async (request, reply, kit) => {
      const id = field(request.params, 'id');
      const move = field(request.body, 'move');
      if (!['add', 'remove', 'up', 'down'].includes(move))
        return kit.redirect(reply, `/admin/newsletters/${id}`);
      let unscheduled: boolean;
      try {
        unscheduled = await moveEditionArticle(
          editionDeps(kit),
          actorOf(request),
          id,
          move as ArticleMove,
          field(request.body, 'article'),
        );
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        const status = (error as { status?: number }).status;
        if (status === 404) throw error;
        return showEdition(request, reply, kit, { errors, status: status ?? 422 });
      }
      if (unscheduled)
        return kit.redirect(reply, `/admin/newsletters/${id}?notice=edition-emptied`);
      const q = field(request.body, 'q');
      return kit.redirect(
        reply,
        `/admin/newsletters/${id}${q ? `?q=${encodeURIComponent(q)}` : ''}#edition-articles`,
      );
    },
  }),
  adminRoute({
    id: 'newsletters.send',
    method: 'POST',
    url: '/admin/newsletters/:id/send',
    permission: 'newsletter.manage',
    handler: (request, reply, kit) =>
      editionAction(
        request,
        reply,
        kit,
        () => sendEditionNow(editionDeps(kit), actorOf(request), field(request.params, 'id')),
        'edition-sent',
      ),
  }),
  adminRoute({
    id: 'newsletters.schedule',
    method: 'POST',
    url: '/admin/newsletters/:id/schedule',
    permission: 'newsletter.manage',
    handler: (request, reply, kit) => {
      const at = field(request.body, 'at');
      return editionAction(
        request,
        reply,
        kit,
        () => scheduleEdition(editionDeps(kit), actorOf(request), field(request.params, 'id'), at),
        at.trim() === '' ? 'edition-unscheduled' : 'edition-scheduled',
        { at },
      );
    },
  }),
  adminRoute({
    id: 'newsletters.test',
    method: 'POST',
    url: '/admin/newsletters/:id/test',
    permission: 'newsletter.manage',
    handler: (request, reply, kit) => {
      const address = field(request.body, 'address');
      return editionAction(
        request,
        reply,
        kit,
        () =>
          sendTestEdition(editionDeps(kit), actorOf(request), field(request.params, 'id'), address),
        'edition-tested',
        { address },
      );
    },
  }),
];
