/**
 * `GET /mirror/public-key.pem`: the site's mirror signing key (issue 22;
 * services/mirror-keys.ts), an Ed25519 public key in PEM (RFC 7468, SPKI),
 * for readers and mirror operators to check a copy with `midad mirror
 * verify --key`. A mirror holds the same file at the same path. 404 until
 * the first mirror is written (the key is made then).
 */
import type { FastifyInstance } from 'fastify';
import { MIRROR_OWN_DIR } from '../../domain/mirror-path.js';
import { mirrorPublicKey } from '../../services/mirror-keys.js';
import { sendNotFound } from './error-pages.js';
import type { SiteDeps } from './site-deps.js';

/** Where the site publishes its mirror public key: the path a mirror holds it at. */
export const MIRROR_KEY_PATH = `/${MIRROR_OWN_DIR}/public-key.pem`;

export async function mirrorKeyRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  app.get(MIRROR_KEY_PATH, async (request, reply) => {
    const key = await mirrorPublicKey(deps.database.db);
    if (key === null) return sendNotFound(request, reply, deps);
    return reply
      .header('content-type', 'application/x-pem-file')
      .header('cache-control', 'public, max-age=3600')
      .send(key);
  });
}
