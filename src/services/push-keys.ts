/**
 * The site's VAPID key pair (RFC 8292, Voluntary Application Server
 * Identification for web push): made at the first start, kept in the
 * `settings` table (keys `push.vapid.public`, `push.vapid.private`), so
 * that every instance signs with the same key, an archive carries it to a
 * new server, and subscriptions made against the public key keep working.
 * Losing the pair would orphan every subscription: browsers bind a
 * subscription to the key it was made with (`applicationServerKey`).
 */
import { publicOrigin } from '../config/public-origin.js';
import type { Db } from '../storage/db.js';
import { ensureStoredKeyPair } from './stored-key-pair.js';

export const VAPID_PUBLIC_SETTING = 'push.vapid.public';
export const VAPID_PRIVATE_SETTING = 'push.vapid.private';

/** A VAPID key pair: the uncompressed P-256 public key (65 bytes) and private scalar (32 bytes), base64url. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The site's key pair, made and stored when there is none (two instances
 * starting at once agree: stored-key-pair.ts).
 */
export function ensureVapidKeys(db: Db): Promise<VapidKeys> {
  return ensureStoredKeyPair(db, [VAPID_PUBLIC_SETTING, VAPID_PRIVATE_SETTING], async () => {
    // Loaded here only: a server whose keys are made never needs web-push's code at rest.
    const { default: webpush } = await import('web-push');
    return webpush.generateVAPIDKeys();
  });
}

/**
 * The VAPID `sub` claim (RFC 8292 §2.1: a `mailto:` or `https:` URI a
 * push service may contact): the address of MIDAD_MAIL_FROM
 * (`Midad <news@site.example>` → `mailto:news@site.example`), else
 * MIDAD_BASE_URL when it is https, else `mailto:webmaster@<host>`.
 */
export function vapidSubject(config: {
  mailFrom?: string | undefined;
  baseUrl?: string | undefined;
  host: string;
  port: number;
}): string {
  const address = config.mailFrom?.match(/<([^<>\s]+@[^<>\s]+)>/)?.[1] ?? config.mailFrom;
  if (address && /^[^\s@<>]+@[^\s@<>]+$/.test(address)) return `mailto:${address}`;
  if (config.baseUrl?.startsWith('https://')) return config.baseUrl;
  return `mailto:webmaster@${new URL(publicOrigin(config)).hostname}`;
}
