/**
 * Sections and tags, for editors: create, rename, describe, delete.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  createSection,
  describeSectionAs,
  describeTagAs,
  removeSection,
  removeTag,
  renameSectionTo,
  renameTagTo,
} from '../../../services/taxonomy.js';
import { sectionsWithCounts, tagsWithCounts } from '../../../services/taxonomy-lists.js';
import { NOTICES, type AdminKit } from '../admin-kit.js';
import { field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import type { FormErrors } from '../views/auth-pages.js';
import { SectionsPage, TagsPage } from '../views/taxonomy-pages.js';
import { actorOf } from '../route-params.js';

/** The notice named in `?notice=`, unless the page shows a refusal. */
function noticeOf(
  ctx: ReturnType<AdminKit['context']>,
  request: FastifyRequest,
  errors: FormErrors | undefined,
): string | null {
  const key = errors ? undefined : NOTICES[field(request.query, 'notice')];
  return key ? ctx.t(key) : null;
}

async function showSections(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  errors?: FormErrors,
) {
  const sections = await sectionsWithCounts(kit.deps, 'newsroom');
  const ctx = kit.context(request, reply);
  return kit.render(
    reply,
    <SectionsPage
      ctx={ctx}
      sections={sections}
      errors={errors}
      notice={noticeOf(ctx, request, errors)}
    />,
    errors ? 422 : 200,
  );
}

async function showTags(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  errors?: FormErrors,
) {
  const tags = await tagsWithCounts(kit.deps, 'newsroom');
  const ctx = kit.context(request, reply);
  return kit.render(
    reply,
    <TagsPage ctx={ctx} tags={tags} errors={errors} notice={noticeOf(ctx, request, errors)} />,
    errors ? 422 : 200,
  );
}

/** A POST that changes a section or tag, then back to its list (or the list with the error). */
function change(
  id: string,
  url: string,
  permission: 'section.manage' | 'tag.manage',
  back: string,
  show: typeof showSections,
  work: (kit: AdminKit, request: FastifyRequest) => Promise<void>,
): AdminRoute {
  return adminRoute({
    id,
    method: 'POST',
    url,
    permission,
    handler: async (request, reply, kit) => {
      try {
        await work(kit, request);
      } catch (error) {
        return show(request, reply, kit, formErrorsOf(kit.context(request, reply), error));
      }
      return kit.redirect(reply, back);
    },
  });
}

export const taxonomyRoutes: AdminRoute[] = [
  adminRoute({
    id: 'sections.list',
    method: 'GET',
    url: '/admin/sections',
    permission: 'section.manage',
    handler: (request, reply, kit) => showSections(request, reply, kit),
  }),
  change(
    'sections.create',
    '/admin/sections',
    'section.manage',
    '/admin/sections',
    showSections,
    (kit, request) => createSection(kit.deps, actorOf(request), field(request.body, 'name')),
  ),
  change(
    'sections.rename',
    '/admin/sections/:id',
    'section.manage',
    '/admin/sections',
    showSections,
    (kit, request) =>
      renameSectionTo(
        kit.deps,
        actorOf(request),
        field(request.params, 'id'),
        field(request.body, 'name'),
      ),
  ),
  change(
    'sections.describe',
    '/admin/sections/:id/description',
    'section.manage',
    '/admin/sections?notice=description-saved',
    showSections,
    (kit, request) =>
      describeSectionAs(
        kit.deps,
        actorOf(request),
        field(request.params, 'id'),
        field(request.body, 'description'),
      ),
  ),
  change(
    'sections.delete',
    '/admin/sections/:id/delete',
    'section.manage',
    '/admin/sections',
    showSections,
    (kit, request) =>
      removeSection(
        kit.deps,
        actorOf(request),
        field(request.params, 'id'),
        field(request.body, 'confirm') === 'yes',
      ),
  ),
  adminRoute({
    id: 'tags.list',
    method: 'GET',
    url: '/admin/tags',
    permission: 'tag.manage',
    handler: (request, reply, kit) => showTags(request, reply, kit),
  }),
  change('tags.rename', '/admin/tags/:id', 'tag.manage', '/admin/tags', showTags, (kit, request) =>
    renameTagTo(
      kit.deps,
      actorOf(request),
      field(request.params, 'id'),
      field(request.body, 'name'),
    ),
  ),
  change(
    'tags.describe',
    '/admin/tags/:id/description',
    'tag.manage',
    '/admin/tags?notice=description-saved',
    showTags,
    (kit, request) =>
      describeTagAs(
        kit.deps,
        actorOf(request),
        field(request.params, 'id'),
        field(request.body, 'description'),
      ),
  ),
  change(
    'tags.delete',
    '/admin/tags/:id/delete',
    'tag.manage',
    '/admin/tags',
    showTags,
    (kit, request) =>
      removeTag(
        kit.deps,
        actorOf(request),
        field(request.params, 'id'),
        field(request.body, 'confirm') === 'yes',
      ),
  ),
];
