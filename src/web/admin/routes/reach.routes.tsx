/**
 * Reaching readers in the newsroom (issue 20, the push part):
 * - `GET /admin/reach` (`reader.alert`): subscribers per channel, the push
 *   outbox, the daily cap and the latest alerts; links to the newsletter
 *   and Telegram pages;
 * - `POST /admin/reach/cap` (`settings.manage`): the push daily cap;
 * - `POST /admin/articles/:id/push-alert` (`reader.alert`): «إرسال تنبيه»
 *   on the editor page; a refusal (daily cap, already sent, not
 *   published) re-shows the editor with its message.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { reachOverview, sendPushAlertNow, setPushDailyCap } from '../../../services/push-alerts.js';
import type { AdminKit } from '../admin-kit.js';
import { success } from '../admin-context.js';
import { field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { actorOf } from '../route-params.js';
import type { FormErrors } from '../views/auth-pages.js';
import { ReachPage } from '../views/reach-page.js';
import { articleAction } from './article-editor.js';

async function showReach(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: { errors?: FormErrors; capValue?: string } = {},
) {
  const overview = await reachOverview(kit.deps);
  const ctx = kit.context(request, reply);
  reply.header('cache-control', 'no-store');
  return kit.render(
    reply,
    <ReachPage
      ctx={ctx}
      overview={overview}
      errors={extra.errors}
      capValue={extra.capValue}
      notice={
        field(request.query, 'notice') === 'cap-saved'
          ? success(ctx.t('admin.reach.capSaved'))
          : null
      }
    />,
    extra.errors ? 422 : 200,
  );
}

export const reachRoutes: AdminRoute[] = [
  adminRoute({
    id: 'reach.show',
    method: 'GET',
    url: '/admin/reach',
    permission: 'reader.alert',
    handler: (request, reply, kit) => showReach(request, reply, kit),
  }),
  adminRoute({
    id: 'reach.cap',
    method: 'POST',
    url: '/admin/reach/cap',
    permission: 'settings.manage',
    handler: async (request, reply, kit) => {
      const raw = field(request.body, 'cap');
      try {
        await setPushDailyCap(kit.deps, actorOf(request), raw);
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showReach(request, reply, kit, {
          errors: errors.form ? { fields: { cap: errors.form } } : errors,
          capValue: raw,
        });
      }
      return kit.redirect(reply, '/admin/reach?notice=cap-saved');
    },
  }),
  adminRoute({
    id: 'articles.pushAlert',
    method: 'POST',
    url: '/admin/articles/:id/push-alert',
    permission: 'reader.alert',
    handler: (request, reply, kit) =>
      articleAction(request, reply, kit, async (actor, id) => {
        await sendPushAlertNow(kit.deps, actor, id);
        return `/admin/articles/${id}/edit?notice=push-queued#push-alert`;
      }),
  }),
];
