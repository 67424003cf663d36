/**
 * The media library: the page with its upload form and image details,
 * and the editor's JSON API (`GET`/`POST /admin/api/media`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defaultVariantUrl, parseMediaId, type MediaItem } from '../../../domain/media.js';
import type { Actor } from '../../../domain/roles.js';
import { translator } from '../../../i18n/format.js';
import { AppError, InvalidInput } from '../../../lib/errors.js';
import {
  listMedia,
  mayEditMedia,
  updateMediaDetails,
  uploadImage,
  type MediaDeps,
} from '../../../services/media.js';
import { queryNotice, type AdminKit } from '../admin-kit.js';
import { field } from '../form-errors.js';
import { formatBytes, mediaErrorMessage } from '../media-messages.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { readUpload } from '../uploads.js';
import { MediaPage, type MediaFormState } from '../views/media-page.js';

/** Images on one page of the library, and in one answer of the API. */
const PAGE_SIZE = 48;
const API_PAGE_SIZE = 100;

/** The media service's dependencies from the newsroom's (upload limits from the settings). */
export function mediaDeps(kit: AdminKit): MediaDeps {
  const { config, database, now, imageSlots } = kit.deps;
  return {
    database,
    now,
    mediaDir: config.mediaDir,
    uploadMaxBytes: config.uploadMaxBytes,
    uploadMaxPixels: config.uploadMaxPixels,
    imageSlots,
  };
}

/** The signed-in user as an actor (the route's guard has checked there is one). */
function actorOf(request: FastifyRequest): Actor {
  if (!request.user) throw new AppError('NOT_SIGNED_IN', 'Sign in first.');
  return request.user;
}

/** A known AppError of status 4xx, or rethrows (unknown errors are the 500 page). */
function refusal(error: unknown): AppError {
  if (error instanceof AppError && error.status >= 400 && error.status < 500) return error;
  throw error;
}

async function showLibrary(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: {
    uploadError?: string;
    form?: MediaFormState;
    before?: string | null;
    status?: number;
  } = {},
) {
  // The upload form's URL carries the CSRF token; the language switch must not.
  const ctx = { ...kit.context(request, reply), path: '/admin/media' };
  const before = extra.before ?? parseMediaId(field(request.query, 'before'));
  const page = await listMedia(kit.deps, { limit: PAGE_SIZE, before });
  const actor = actorOf(request);
  const notice = queryNotice(ctx.t, request.query);
  return kit.render(
    reply,
    <MediaPage
      ctx={ctx}
      items={page.items}
      editable={new Set(page.items.filter((i) => mayEditMedia(actor, i)).map((i) => i.id))}
      before={before}
      nextBefore={page.nextBefore}
      maxSize={formatBytes(ctx.t, kit.deps.config.uploadMaxBytes)}
      notice={extra.uploadError || extra.form ? null : notice}
      uploadError={extra.uploadError ?? null}
      form={extra.form ?? null}
    />,
    extra.status,
  );
}

/** An image as the editor's media dialog reads it. */
function apiItem(item: MediaItem) {
  return {
    id: item.id,
    url: defaultVariantUrl(item),
    alt: item.alt,
    // The uploaded file's name: what the featured-image picker says of an image without alt text.
    name: item.originalName,
    width: item.width,
    height: item.height,
  };
}

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify(body));
}

export const mediaRoutes: AdminRoute[] = [
  adminRoute({
    id: 'media.library',
    method: 'GET',
    url: '/admin/media',
    permission: 'media.upload',
    handler: (request, reply, kit) => showLibrary(request, reply, kit),
  }),
  adminRoute({
    id: 'media.upload',
    method: 'POST',
    url: '/admin/media',
    permission: 'media.upload',
    handler: async (request, reply, kit) => {
      try {
        const upload = await readUpload(request, reply, kit.deps.config.uploadMaxBytes);
        const item = await uploadImage(mediaDeps(kit), actorOf(request), upload);
        return kit.redirect(reply, `/admin/media?notice=media-uploaded#media-${item.id}`);
      } catch (error) {
        const appError = refusal(error);
        return showLibrary(request, reply, kit, {
          uploadError: mediaErrorMessage(translator(request.adminLang), appError),
          before: null,
          status: appError.status,
        });
      }
    },
  }),
  adminRoute({
    id: 'media.details',
    method: 'POST',
    url: '/admin/media/:id',
    permission: 'media.upload',
    handler: async (request, reply, kit) => {
      const id = field(request.params, 'id');
      const before = parseMediaId(field(request.body, 'before'));
      const values = {
        alt: field(request.body, 'alt'),
        caption: field(request.body, 'caption'),
        credit: field(request.body, 'credit'),
      };
      try {
        await updateMediaDetails(kit.deps, actorOf(request), id, values);
      } catch (error) {
        const appError = refusal(error);
        const message = mediaErrorMessage(translator(request.adminLang), appError);
        return showLibrary(request, reply, kit, {
          form: {
            id,
            values,
            errors:
              appError instanceof InvalidInput
                ? { fields: { [appError.field]: message } }
                : { form: message },
          },
          before,
          status: appError.status,
        });
      }
      const page = before ? `before=${before}&` : '';
      return kit.redirect(reply, `/admin/media?${page}notice=media-updated#media-${id}`);
    },
  }),
  adminRoute({
    id: 'media.api.list',
    method: 'GET',
    url: '/admin/api/media',
    permission: 'media.upload',
    handler: async (request, reply, kit) => {
      const before = parseMediaId(field(request.query, 'before'));
      const page = await listMedia(kit.deps, { limit: API_PAGE_SIZE, before });
      return sendJson(reply, 200, {
        items: page.items.map(apiItem),
        next: page.nextBefore ? `/admin/api/media?before=${page.nextBefore}` : null,
      });
    },
  }),
  adminRoute({
    id: 'media.api.upload',
    method: 'POST',
    url: '/admin/api/media',
    permission: 'media.upload',
    handler: async (request, reply, kit) => {
      try {
        const upload = await readUpload(request, reply, kit.deps.config.uploadMaxBytes);
        const item = await uploadImage(mediaDeps(kit), actorOf(request), upload);
        return sendJson(reply, 201, { item: apiItem(item) });
      } catch (error) {
        const appError = refusal(error);
        const message = mediaErrorMessage(translator(request.adminLang), appError);
        return sendJson(reply, appError.status, { error: { code: appError.code, message } });
      }
    },
  }),
];
