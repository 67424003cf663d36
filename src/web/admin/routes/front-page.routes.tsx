/**
 * The header and front page settings (issue 17), for administrators:
 * GET shows them; POST checks and saves them, then comes back to the page
 * saying what changed (`?saved=logo,menu`), or shows the form again with
 * every error at once (422).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  FrontPageField,
  FrontPageInput,
  FrontPageSettings,
} from '../../../domain/front-page-settings.js';
import {
  frontPageSettingsForm,
  saveFrontPageSettings,
  type SaveFrontPageResult,
} from '../../../services/front-page-settings.js';
import { InvalidInput, InvalidInputs } from '../../../lib/errors.js';
import type { AdminKit } from '../admin-kit.js';
import { frontPageInputOf } from '../front-page-form.js';
import { errorMessage, field } from '../form-errors.js';
import { actorOf } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { FrontPageSettingsPage } from '../views/front-page-settings-page.js';
import { success, type AdminContext, type AdminNotice } from '../admin-context.js';

const FIELDS: readonly FrontPageField[] = ['logo', 'menu', 'blocks', 'opinion', 'secondary'];

/** The form's values of stored settings. */
function inputOf(settings: FrontPageSettings): FrontPageInput {
  return {
    logoMediaId: settings.logoMediaId ?? '',
    menuSectionIds: settings.menuSectionIds,
    blockSectionIds: settings.blockSectionIds,
    opinionSectionId: settings.opinionSectionId ?? '',
    secondary: [0, 1, 2, 3].map((at) => settings.secondaryIds[at] ?? ''),
  };
}

/** The notice after a save: what changed (named in `?saved=`), or that nothing did. */
function savedNotice(ctx: AdminContext, saved: string): AdminNotice | null {
  if (saved === '') return null;
  if (saved === 'none') return success(ctx.t('admin.frontPage.unchanged'));
  const changed = FIELDS.filter((f) => saved.split(',').includes(f));
  if (changed.length === 0) return null;
  const names = changed.map((f) => ctx.t(`admin.frontPage.changed.${f}`));
  return success(
    ctx.t('admin.frontPage.saved', { changes: names.join(ctx.lang === 'ar' ? '، ' : ', ') }),
  );
}

async function showForm(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  sent?: { values: FrontPageInput; errors: readonly InvalidInput[] },
) {
  const form = await frontPageSettingsForm(kit.deps, actorOf(request));
  const ctx = kit.context(request, reply);
  const errors = sent?.errors.map((e) => ({ field: e.field, message: errorMessage(ctx, e) }));
  return kit.render(
    reply,
    <FrontPageSettingsPage
      ctx={ctx}
      sections={form.sections}
      images={form.images}
      values={sent?.values ?? inputOf(form.settings)}
      secondaryHeadlines={form.secondaryHeadlines}
      errors={errors}
      notice={sent ? null : savedNotice(ctx, field(request.query, 'saved'))}
    />,
    sent ? 422 : 200,
  );
}

export const frontPageRoutes: AdminRoute[] = [
  adminRoute({
    id: 'front-page.show',
    method: 'GET',
    url: '/admin/front-page',
    permission: 'settings.manage',
    handler: (request, reply, kit) => showForm(request, reply, kit),
  }),
  adminRoute({
    id: 'front-page.save',
    method: 'POST',
    url: '/admin/front-page',
    permission: 'settings.manage',
    handler: async (request, reply, kit) => {
      const values = frontPageInputOf(request.body);
      let result: SaveFrontPageResult;
      try {
        result = await saveFrontPageSettings(kit.deps, actorOf(request), values);
      } catch (error) {
        if (error instanceof InvalidInputs) {
          return showForm(request, reply, kit, { values, errors: error.problems });
        }
        if (error instanceof InvalidInput) {
          return showForm(request, reply, kit, { values, errors: [error] });
        }
        throw error;
      }
      const saved = result.changed.length === 0 ? 'none' : result.changed.join(',');
      return kit.redirect(reply, `/admin/front-page?saved=${saved}`);
    },
  }),
];
