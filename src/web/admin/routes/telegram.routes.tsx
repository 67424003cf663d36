/**
 * The Telegram channel (issue 20): `/admin/telegram` for administrators
 * (`settings.manage`): the connection, what is posted automatically, the
 * check («تحقق») and the log of posts; and the editor's «نشر في تيليغرام»
 * on a published article (`reader.alert`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../lib/errors.js';
import { sectionNames } from '../../../services/taxonomy-lists.js';
import { postToTelegram, recentTelegramPosts } from '../../../services/telegram-posts.js';
import {
  checkTelegramConnection,
  disconnectTelegram,
  saveTelegramSettings,
  telegramSettingsView,
  type TelegramCheck,
} from '../../../services/telegram-settings.js';
import { success } from '../admin-context.js';
import type { AdminKit } from '../admin-kit.js';
import { field, formErrorsOf } from '../form-errors.js';
import { actorOf } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import type { FormErrors } from '../views/auth-pages.js';
import { TelegramPage } from '../views/telegram-page.js';
import { articleAction } from './article-editor.js';

/** The notices of `?notice=` on this page. */
const NOTICES = {
  saved: 'admin.telegram.saved',
  disconnected: 'admin.telegram.disconnected',
} as const;

async function showPage(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: {
    check?: TelegramCheck;
    errors?: FormErrors;
    values?: { chat: string; autoBreaking: boolean; sectionIds: string[] };
  } = {},
) {
  const actor = actorOf(request);
  const [settings, sections, posts] = await Promise.all([
    telegramSettingsView(kit.deps, actor),
    sectionNames(kit.deps),
    recentTelegramPosts(kit.deps, actor),
  ]);
  const ctx = kit.context(request, reply);
  const notice = field(request.query, 'notice');
  return kit.render(
    reply,
    <TelegramPage
      ctx={ctx}
      settings={settings}
      sections={sections}
      posts={posts}
      check={extra.check}
      errors={extra.errors}
      values={extra.values}
      notice={
        !extra.check && !extra.errors && Object.hasOwn(NOTICES, notice)
          ? success(ctx.t(NOTICES[notice as keyof typeof NOTICES]))
          : null
      }
    />,
    extra.errors ? 422 : 200,
  );
}

/** The checked values of a repeated form field (`sections=1&sections=2`). */
function values(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | null)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

export const telegramRoutes: AdminRoute[] = [
  adminRoute({
    id: 'telegram.settings',
    method: 'GET',
    url: '/admin/telegram',
    permission: 'settings.manage',
    handler: (request, reply, kit) => showPage(request, reply, kit),
  }),
  adminRoute({
    id: 'telegram.save',
    method: 'POST',
    url: '/admin/telegram',
    permission: 'settings.manage',
    handler: async (request, reply, kit) => {
      const input = {
        token: field(request.body, 'token'),
        chat: field(request.body, 'chat'),
        autoBreaking: field(request.body, 'autoBreaking') === 'yes',
        sectionIds: values(request.body, 'sections'),
      };
      try {
        await saveTelegramSettings(kit.deps, actorOf(request), input);
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showPage(request, reply, kit, { errors, values: input });
      }
      return kit.redirect(reply, '/admin/telegram?notice=saved');
    },
  }),
  adminRoute({
    id: 'telegram.check',
    method: 'POST',
    url: '/admin/telegram/check',
    permission: 'settings.manage',
    handler: async (request, reply, kit) => {
      const check = await checkTelegramConnection(kit.deps, actorOf(request));
      reply.header('cache-control', 'no-store');
      return showPage(request, reply, kit, { check });
    },
  }),
  adminRoute({
    id: 'telegram.disconnect',
    method: 'POST',
    url: '/admin/telegram/disconnect',
    permission: 'settings.manage',
    handler: async (request, reply, kit) => {
      try {
        if (field(request.body, 'confirm') !== 'yes')
          throw new AppError('DELETE_NOT_CONFIRMED', 'Tick the box to confirm.');
        await disconnectTelegram(kit.deps, actorOf(request));
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showPage(request, reply, kit, { errors });
      }
      return kit.redirect(reply, '/admin/telegram?notice=disconnected');
    },
  }),
  adminRoute({
    id: 'articles.telegram',
    method: 'POST',
    url: '/admin/articles/:id/telegram',
    permission: 'reader.alert',
    handler: (request, reply, kit) =>
      articleAction(request, reply, kit, async (actor, id) => {
        const outcome = await postToTelegram(kit.deps, actor, id);
        return `/admin/articles/${id}/edit?notice=telegram-${outcome}`;
      }),
  }),
];
