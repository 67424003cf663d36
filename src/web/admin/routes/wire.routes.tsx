/**
 * The wire desk («مكتب الوكالات»): the queue of agency items with its
 * search and filters, one item, «استخدام كمسودة», and, for
 * administrators, the sources and the switch that opens the desk
 * read-only to contributors and authors.
 *
 * The queue and the item pages need only `newsroom.enter` at the guard:
 * whether a contributor or author may read the desk is a setting, which
 * the service judges (wireDeskAccess; FORBIDDEN, 403, when closed).
 */
import { toLatinDigits } from '../../../arabic/digits.js';
import { cleanLine } from '../../../domain/field-limits.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../domain/roles.js';
import type { WireDeskAccess } from '../../../domain/wire.js';
import { AppError } from '../../../lib/errors.js';
import { sectionNames } from '../../../services/taxonomy-lists.js';
import { draftFromWireItem } from '../../../services/wire-draft.js';
import {
  getWireItem,
  listWireQueue,
  setWireDeskOpenToWriters,
  wireDeskAccess,
  wireDeskOpenToWriters,
} from '../../../services/wire-queue.js';
import {
  addWireSource,
  listWireSources,
  removeWireSource,
  updateWireSource,
} from '../../../services/wire-sources.js';
import { queryNotice, type AdminKit } from '../admin-kit.js';
import { field, formErrorsOf } from '../form-errors.js';
import { actorOf } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import type { FormErrors } from '../views/auth-pages.js';
import { WireItemPage } from '../views/wire-item-page.js';
import { WireQueuePage, type WireQueueQuery } from '../views/wire-queue-page.js';
import {
  EMPTY_SOURCE_FORM,
  WireSourcesPage,
  type WireSourceForm,
} from '../views/wire-sources-page.js';

/** The longest search the desk reads, characters (as the article list's box). */
const MAX_QUERY = 200;
/** Ids in the database are decimal strings. */
const ID = /^[0-9]{1,18}$/;

/**
 * The source id in the address: only an id (the services also take a
 * source's name, for the CLI; the newsroom's forms send ids).
 * @throws AppError WIRE_SOURCE_NOT_FOUND (404) for anything else.
 */
function sourceIdOf(request: FastifyRequest): string {
  const id = field(request.params, 'id');
  if (!ID.test(id))
    throw new AppError('WIRE_SOURCE_NOT_FOUND', `No wire source ${id.slice(0, 40)}.`);
  return id;
}

/** The actor and what they may do at the desk; FORBIDDEN when they may not see it. */
async function deskAccess(
  request: FastifyRequest,
  kit: AdminKit,
): Promise<{ actor: Actor; access: WireDeskAccess }> {
  const actor = actorOf(request);
  const access = await wireDeskAccess(kit.deps, actor);
  if (!access.see) throw new AppError('FORBIDDEN', 'The wire desk is not open to this role.');
  return { actor, access };
}

/** The queue's filters read from a query string; anything malformed is dropped, not refused. */
export function queueQuery(query: unknown): WireQueueQuery {
  const id = (name: string) => (ID.test(field(query, name)) ? field(query, name) : '');
  const used = field(query, 'used');
  const page = Number(field(query, 'page'));
  return {
    // Cleaned as stored text is (no characters XML forbids), then cut: it is shown again in the box.
    q: [...cleanLine(field(query, 'q'))].slice(0, MAX_QUERY).join(''),
    source: id('source'),
    agency: [...cleanLine(field(query, 'agency'))].slice(0, 120).join(''),
    section: id('section'),
    used: used === 'used' || used === 'unused' ? used : '',
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

async function showItem(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  refused?: { errors: FormErrors; status: number },
) {
  const { actor, access } = await deskAccess(request, kit);
  const item = await getWireItem(kit.deps, actor, field(request.params, 'id'));
  const ctx = kit.context(request, reply);
  return kit.render(
    reply,
    <WireItemPage ctx={ctx} access={access} item={item} errors={refused?.errors} />,
    refused?.status ?? 200,
  );
}

async function showSources(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: { values?: WireSourceForm; errors?: FormErrors; status?: number } = {},
) {
  const actor = actorOf(request);
  const [sources, sections, open] = await Promise.all([
    listWireSources(kit.deps, actor),
    sectionNames(kit.deps),
    wireDeskOpenToWriters(kit.deps),
  ]);
  const ctx = kit.context(request, reply);
  return kit.render(
    reply,
    <WireSourcesPage
      ctx={ctx}
      sources={sources}
      sections={sections}
      openToWriters={open}
      values={extra.values}
      errors={extra.errors}
      notice={queryNotice(ctx.t, request.query)}
    />,
    extra.status ?? (extra.errors ? 422 : 200),
  );
}

/** The add form as sent, to show again after a refusal. */
function sourceForm(body: unknown): WireSourceForm {
  return {
    // Shown again after a refusal: without the characters XML forbids, as they would be stored.
    name: cleanLine(field(body, 'name')),
    agency: cleanLine(field(body, 'agency')),
    url: cleanLine(field(body, 'url')),
    folder: cleanLine(field(body, 'folder')),
    sectionSlug: field(body, 'sectionSlug'),
    everyMinutes: field(body, 'everyMinutes').trim(),
    allowPrivate: field(body, 'allowPrivate') === 'yes',
  };
}

/**
 * Minutes as typed, in Latin or Arabic-Indic digits: undefined when left
 * empty (the default), NaN when not a whole number (refused).
 */
function minutes(typed: string): number | undefined {
  if (typed === '') return undefined;
  const text = toLatinDigits(typed);
  return /^[0-9]{1,6}$/.test(text) ? Number(text) : Number.NaN;
}

export const wireRoutes: AdminRoute[] = [
  adminRoute({
    id: 'wire.queue',
    method: 'GET',
    url: '/admin/wire',
    permission: 'newsroom.enter',
    handler: async (request, reply, kit) => {
      const { actor, access } = await deskAccess(request, kit);
      const query = queueQuery(request.query);
      const [queue, sources, sections] = await Promise.all([
        listWireQueue(kit.deps, actor, {
          ...(query.q ? { q: query.q } : {}),
          ...(query.source ? { sourceId: query.source } : {}),
          ...(query.agency ? { agency: query.agency } : {}),
          ...(query.section ? { sectionId: query.section } : {}),
          used: query.used === '' ? 'all' : query.used,
          page: query.page,
        }),
        listWireSources(kit.deps, actor),
        sectionNames(kit.deps),
      ]);
      const ctx = kit.context(request, reply);
      return kit.render(
        reply,
        <WireQueuePage
          ctx={ctx}
          access={access}
          items={queue.items}
          total={queue.total}
          pageSize={queue.pageSize}
          query={{ ...query, page: queue.page }}
          sources={sources}
          sections={sections}
          notice={queryNotice(ctx.t, request.query)}
        />,
      );
    },
  }),
  adminRoute({
    id: 'wire.item',
    method: 'GET',
    url: '/admin/wire/items/:id',
    permission: 'newsroom.enter',
    handler: (request, reply, kit) => showItem(request, reply, kit),
  }),
  adminRoute({
    id: 'wire.use',
    method: 'POST',
    url: '/admin/wire/items/:id/use',
    permission: 'wire.use',
    handler: async (request, reply, kit) => {
      let articleId: string;
      try {
        ({ articleId } = await draftFromWireItem(
          kit.deps,
          actorOf(request),
          field(request.params, 'id'),
        ));
      } catch (error) {
        if (error instanceof AppError && (error.status === 403 || error.status === 404))
          throw error;
        const errors = formErrorsOf(kit.context(request, reply), error);
        // WIRE_ITEM_BUSY (409): another editor is making its draft this moment.
        const status = error instanceof AppError ? error.status : 422;
        return showItem(request, reply, kit, { errors, status });
      }
      return kit.redirect(reply, `/admin/articles/${articleId}/edit?notice=wire-draft`);
    },
  }),
  adminRoute({
    id: 'wire.sources',
    method: 'GET',
    url: '/admin/wire/sources',
    permission: 'wire.manage',
    handler: (request, reply, kit) => showSources(request, reply, kit),
  }),
  adminRoute({
    id: 'wire.sources.add',
    method: 'POST',
    url: '/admin/wire/sources',
    permission: 'wire.manage',
    handler: async (request, reply, kit) => {
      const values = sourceForm(request.body);
      try {
        const deps = { ...kit.deps, wireFolders: kit.deps.config.wireFolders };
        await addWireSource(deps, actorOf(request), {
          name: values.name,
          agency: values.agency,
          ...(values.url ? { url: values.url } : {}),
          ...(values.folder ? { folder: values.folder } : {}),
          sectionSlug: values.sectionSlug === '' ? null : values.sectionSlug,
          ...(minutes(values.everyMinutes) === undefined
            ? {}
            : { everyMinutes: minutes(values.everyMinutes) }),
          allowPrivate: values.allowPrivate,
        });
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showSources(request, reply, kit, { values, errors });
      }
      return kit.redirect(reply, '/admin/wire/sources?notice=wire-source-added');
    },
  }),
  adminRoute({
    id: 'wire.sources.switch',
    method: 'POST',
    url: '/admin/wire/sources/:id',
    permission: 'wire.manage',
    handler: async (request, reply, kit) => {
      const enabled = field(request.body, 'enabled') === 'yes';
      await updateWireSource(kit.deps, actorOf(request), sourceIdOf(request), {
        enabled,
      });
      return kit.redirect(
        reply,
        `/admin/wire/sources?notice=${enabled ? 'wire-source-on' : 'wire-source-off'}`,
      );
    },
  }),
  adminRoute({
    id: 'wire.sources.remove',
    method: 'POST',
    url: '/admin/wire/sources/:id/delete',
    permission: 'wire.manage',
    handler: async (request, reply, kit) => {
      try {
        if (field(request.body, 'confirm') !== 'yes')
          throw new AppError('DELETE_NOT_CONFIRMED', 'Tick the box to confirm the deletion.');
        await removeWireSource(kit.deps, actorOf(request), sourceIdOf(request));
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        // A source that is not there is a 404, as its other routes answer; unconfirmed, 422.
        const status = error instanceof AppError ? error.status : 422;
        return showSources(request, reply, kit, { values: EMPTY_SOURCE_FORM, errors, status });
      }
      return kit.redirect(reply, '/admin/wire/sources?notice=wire-source-removed');
    },
  }),
  adminRoute({
    id: 'wire.access',
    method: 'POST',
    url: '/admin/wire/access',
    permission: 'wire.manage',
    handler: async (request, reply, kit) => {
      const open = field(request.body, 'open') === 'yes';
      await setWireDeskOpenToWriters(kit.deps, actorOf(request), open);
      return kit.redirect(
        reply,
        `/admin/wire/sources?notice=${open ? 'wire-desk-opened' : 'wire-desk-closed'}`,
      );
    },
  }),
];
