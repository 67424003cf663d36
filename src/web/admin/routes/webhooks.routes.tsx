/**
 * Publish webhooks, for administrators: list with the delivery log,
 * register (the secret is shown once, on the answer to the form), delete.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../lib/errors.js';
import { createWebhook, removeWebhook, webhooksOverview } from '../../../services/webhooks.js';
import type { AdminKit } from '../admin-kit.js';
import { field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import type { FormErrors } from '../views/auth-pages.js';
import { WebhooksPage } from '../views/webhooks-page.js';
import { actorOf } from '../route-params.js';

async function showHooks(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: { created?: { url: string; secret: string }; errors?: FormErrors } = {},
) {
  const { hooks, deliveries } = await webhooksOverview(kit.deps, actorOf(request));
  reply.header('cache-control', 'no-store');
  return kit.render(
    reply,
    <WebhooksPage
      ctx={kit.context(request, reply)}
      hooks={hooks}
      deliveries={deliveries}
      {...extra}
    />,
    extra.errors ? 422 : 200,
  );
}

/** The checked values of a repeated form field (`events=a&events=b`). */
function values(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | null)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

export const webhooksRoutes: AdminRoute[] = [
  adminRoute({
    id: 'webhooks.list',
    method: 'GET',
    url: '/admin/webhooks',
    permission: 'webhook.manage',
    handler: (request, reply, kit) => showHooks(request, reply, kit),
  }),
  adminRoute({
    id: 'webhooks.create',
    method: 'POST',
    url: '/admin/webhooks',
    permission: 'webhook.manage',
    handler: async (request, reply, kit) => {
      try {
        const { secret } = await createWebhook(kit.deps, actorOf(request), {
          url: field(request.body, 'url'),
          events: values(request.body, 'events'),
          allowPrivate: field(request.body, 'allowPrivate') === 'yes',
        });
        return await showHooks(request, reply, kit, {
          created: { url: field(request.body, 'url'), secret },
        });
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showHooks(request, reply, kit, { errors });
      }
    },
  }),
  adminRoute({
    id: 'webhooks.delete',
    method: 'POST',
    url: '/admin/webhooks/:id/delete',
    permission: 'webhook.manage',
    handler: async (request, reply, kit) => {
      try {
        if (field(request.body, 'confirm') !== 'yes')
          throw new AppError('DELETE_NOT_CONFIRMED', 'Tick the box to confirm the deletion.');
        await removeWebhook(kit.deps, actorOf(request), field(request.params, 'id'));
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showHooks(request, reply, kit, { errors });
      }
      return kit.redirect(reply, '/admin/webhooks');
    },
  }),
];
