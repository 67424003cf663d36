/**
 * The alternate addresses (issue 22), for administrators
 * (`settings.manage`): GET `/admin/mirrors` shows the onion address and
 * the mirrors; POST checks and saves them, then comes back saying so
 * (`?notice=mirrors-saved`, or `mirrors-unchanged`), or shows the form
 * again with every error at once (422), nothing stored.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  AlternateAddresses,
  AlternateAddressesInput,
} from '../../../domain/alternate-addresses.js';
import {
  alternateAddressesForm,
  saveAlternateAddresses,
} from '../../../services/alternate-addresses.js';
import { queryNotice, type AdminKit } from '../admin-kit.js';
import { formErrorsOf } from '../form-errors.js';
import { mirrorsInputOf } from '../mirrors-form.js';
import { actorOf } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import type { FormErrors } from '../views/auth-pages.js';
import { MirrorsSettingsPage } from '../views/mirrors-settings-page.js';

/** The form's values of the stored addresses. */
function inputOf(stored: AlternateAddresses): AlternateAddressesInput {
  return { onion: stored.onion?.url ?? '', mirrors: stored.mirrors };
}

async function showPage(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  sent?: { values: AlternateAddressesInput; errors: FormErrors },
) {
  const stored = await alternateAddressesForm(kit.deps, actorOf(request));
  const ctx = kit.context(request, reply);
  return kit.render(
    reply,
    <MirrorsSettingsPage
      ctx={ctx}
      values={sent?.values ?? inputOf(stored)}
      errors={sent?.errors}
      notice={sent ? null : queryNotice(ctx.t, request.query)}
    />,
    sent ? 422 : 200,
  );
}

export const mirrorsRoutes: AdminRoute[] = [
  adminRoute({
    id: 'mirrors.show',
    method: 'GET',
    url: '/admin/mirrors',
    permission: 'settings.manage',
    handler: (request, reply, kit) => showPage(request, reply, kit),
  }),
  adminRoute({
    id: 'mirrors.save',
    method: 'POST',
    url: '/admin/mirrors',
    permission: 'settings.manage',
    handler: async (request, reply, kit) => {
      const values = mirrorsInputOf(request.body);
      let changed: boolean;
      try {
        changed = await saveAlternateAddresses(kit.deps, actorOf(request), values);
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showPage(request, reply, kit, { values, errors });
      }
      return kit.redirect(
        reply,
        `/admin/mirrors?notice=${changed ? 'mirrors-saved' : 'mirrors-unchanged'}`,
      );
    },
  }),
];
