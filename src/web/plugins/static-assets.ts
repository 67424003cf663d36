/**
 * Static files: the fingerprinted stylesheet and script (from memory), the
 * self-hosted font files (from @fontsource), the favicon and the logo. All
 * but the favicon and the logo are immutable for a year; their URLs change with their content.
 * The push service worker, `/sw.js`, is revalidated on every fetch
 * (`no-cache`): a browser checks it for updates, and a stale worker would
 * keep showing old notifications. The notification icons keep fixed paths
 * (push payloads already sent name them) and are cached for a day.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOGO } from '../views/page-context.js';
import { ADMIN_BUNDLE_DIR, FONT_DIR, type SiteAssets } from '../assets.js';

/** One year, in seconds: the lifetime of fingerprinted and font files. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function staticAssets(
  app: FastifyInstance,
  options: {
    assets: SiteAssets;
    notFound: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
  },
): Promise<void> {
  const { assets, notFound } = options;
  await app.register(fastifyStatic, {
    root: FONT_DIR,
    prefix: '/fonts/',
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', IMMUTABLE),
    allowedPath: (path) => /^\/noto-naskh-arabic-[a-z-]+-(400|700)-normal\.woff2$/.test(path),
  });

  const bundle = join(ADMIN_BUNDLE_DIR, 'assets');
  if (existsSync(bundle)) {
    await app.register(fastifyStatic, {
      root: bundle,
      prefix: '/admin/assets/',
      decorateReply: false,
      cacheControl: false,
      setHeaders: (reply) => reply.header('cache-control', IMMUTABLE),
      allowedPath: (path) => /^\/[\w.-]+\.(js|css|map)$/.test(path),
    });
  }

  app.get('/sw.js', async (_request, reply) =>
    reply
      .header('content-type', assets.serviceWorker.contentType)
      .header('cache-control', 'no-cache')
      .send(assets.serviceWorker.body),
  );
  for (const [path, icon] of assets.icons) {
    app.get(path, async (_request, reply) =>
      reply
        .header('content-type', icon.contentType)
        .header('cache-control', 'public, max-age=86400')
        .send(icon.body),
    );
  }

  app.get('/assets/*', async (request, reply) => {
    const asset = assets.files.get(request.url.split('?')[0] ?? '');
    if (!asset) return notFound(request, reply);
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', IMMUTABLE)
      .send(asset.body);
  });

  app.get(LOGO.path, async (_request, reply) =>
    reply
      .header('content-type', assets.logo.contentType)
      .header('cache-control', 'public, max-age=86400')
      .send(assets.logo.body),
  );

  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, async (_request, reply) =>
      reply
        .header('content-type', assets.favicon.contentType)
        .header('cache-control', 'public, max-age=86400')
        .send(assets.favicon.body),
    );
  }
}
