/**
 * The media library's files, public at `/media/<id>/<file>`: the WebP
 * variants (`w640.webp`) and the re-encoded original (`original.jpg|png`).
 * Only those names are served, so nothing else under the media folder
 * (staging folders, stray files) is reachable. An image's files never
 * change once written, so they are cached for a year as immutable. They
 * may be shown by other origins (`Cross-Origin-Resource-Policy:
 * cross-origin`, Fetch §3.7 CORP): newsletter emails in webmail, the
 * newsroom's sandboxed email preview (issue 20).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isMediaFileName, parseMediaId } from '../../domain/media.js';
import { IMMUTABLE } from './static-assets.js';

function contentTypeOf(file: string): string {
  if (file.endsWith('.webp')) return 'image/webp';
  if (file.endsWith('.png')) return 'image/png';
  return 'image/jpeg';
}

export async function mediaFiles(
  app: FastifyInstance,
  options: {
    mediaDir: string;
    notFound: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
  },
): Promise<void> {
  app.get('/media/:id/:file', async (request, reply) => {
    const { id, file } = request.params as { id: string; file: string };
    if (parseMediaId(id) === null || !isMediaFileName(file)) {
      return options.notFound(request, reply);
    }
    const path = join(options.mediaDir, id, file);
    const stats = await stat(path).catch(() => null);
    if (!stats?.isFile()) return options.notFound(request, reply);
    return reply
      .header('content-type', contentTypeOf(file))
      .header('content-length', stats.size)
      .header('cache-control', IMMUTABLE)
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(createReadStream(path));
  });
}
