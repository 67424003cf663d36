/**
 * The site's mirror signing key (issue 22): an Ed25519 pair (RFC 8032)
 * made on first use and kept in the `settings` table (keys
 * `mirror.signing.public`, `mirror.signing.private`) like the web push
 * keys, so that every run and every instance signs with the same key and
 * an archive carries it to a new server. Readers and mirror operators
 * check a copy against the public key the site publishes.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Db } from '../storage/db.js';
import { getSetting } from '../storage/repositories/settings.repository.js';
import { ensureStoredKeyPair, type StoredKeyPair } from './stored-key-pair.js';

export const MIRROR_PUBLIC_SETTING = 'mirror.signing.public';
export const MIRROR_PRIVATE_SETTING = 'mirror.signing.private';

/** The site's mirror key pair as PEM text (SPKI public key, PKCS #8 private key), made when there is none. */
export function ensureMirrorKeys(db: Db): Promise<StoredKeyPair> {
  return ensureStoredKeyPair(db, [MIRROR_PUBLIC_SETTING, MIRROR_PRIVATE_SETTING], () =>
    generateKeyPairSync('ed25519', {
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }),
  );
}

/** The site's mirror public key (PEM), or null before the first mirror was written. */
export function mirrorPublicKey(db: Db): Promise<string | null> {
  return getSetting(db, MIRROR_PUBLIC_SETTING);
}
