/**
 * Content API keys, for administrators: list, make (the key is shown once,
 * on the answer to the form, never stored), revoke.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../lib/errors.js';
import { apiKeys, createApiKey, revokeKey } from '../../../services/api-keys.js';
import type { AdminKit } from '../admin-kit.js';
import { field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { ApiKeysPage } from '../views/api-keys-page.js';
import type { FormErrors } from '../views/auth-pages.js';
import { actorOf } from '../route-params.js';

async function showKeys(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: { created?: { name: string; key: string }; errors?: FormErrors } = {},
) {
  const keys = await apiKeys(kit.deps, actorOf(request));
  reply.header('cache-control', 'no-store');
  return kit.render(
    reply,
    <ApiKeysPage ctx={kit.context(request, reply)} keys={keys} {...extra} />,
    extra.errors ? 422 : 200,
  );
}

export const apiKeysRoutes: AdminRoute[] = [
  adminRoute({
    id: 'apiKeys.list',
    method: 'GET',
    url: '/admin/api-keys',
    permission: 'apikey.manage',
    handler: (request, reply, kit) => showKeys(request, reply, kit),
  }),
  adminRoute({
    id: 'apiKeys.create',
    method: 'POST',
    url: '/admin/api-keys',
    permission: 'apikey.manage',
    handler: async (request, reply, kit) => {
      try {
        const { apiKey, key } = await createApiKey(
          kit.deps,
          actorOf(request),
          field(request.body, 'name'),
        );
        return await showKeys(request, reply, kit, { created: { name: apiKey.name, key } });
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showKeys(request, reply, kit, { errors });
      }
    },
  }),
  adminRoute({
    id: 'apiKeys.revoke',
    method: 'POST',
    url: '/admin/api-keys/:id/revoke',
    permission: 'apikey.manage',
    handler: async (request, reply, kit) => {
      try {
        if (field(request.body, 'confirm') !== 'yes')
          throw new AppError('REVOKE_NOT_CONFIRMED', 'Tick the box to confirm.');
        await revokeKey(kit.deps, actorOf(request), field(request.params, 'id'));
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showKeys(request, reply, kit, { errors });
      }
      return kit.redirect(reply, '/admin/api-keys');
    },
  }),
];
