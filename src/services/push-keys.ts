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
import { getSetting } from '../storage/repositories/settings.repository.js';

export const VAPID_PUBLIC_SETTING = 'push.vapid.public';
export const VAPID_PRIVATE_SETTING = 'push.vapid.private';

/** A VAPID key pair: the uncompressed P-256 public key (65 bytes) and private scalar (32 bytes), base64url. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The site's key pair, made and stored when there is none. Two instances
 * starting at once agree: the insert keeps the first pair written
 * (`ON CONFLICT DO NOTHING`) and both read it back.
 */
export async function ensureVapidKeys(db: Db): Promise<VapidKeys> {
  const publicKey = await getSetting(db, VAPID_PUBLIC_SETTING);
  const privateKey = await getSetting(db, VAPID_PRIVATE_SETTING);
  if (publicKey && privateKey) return { publicKey, privateKey };
  // Loaded here only: a server whose keys are made never needs web-push's code at rest.
  const { default: webpush } = await import('web-push');
  const made = webpush.generateVAPIDKeys();
  await db.transaction().execute(async (trx) => {
    // Half a pair (an edited database) is useless: it is replaced whole.
    if (publicKey || privateKey) {
      await trx
        .deleteFrom('settings')
        .where('key', 'in', [VAPID_PUBLIC_SETTING, VAPID_PRIVATE_SETTING])
        .execute();
    }
    await trx
      .insertInto('settings')
      .values([
        { key: VAPID_PUBLIC_SETTING, value: made.publicKey },
        { key: VAPID_PRIVATE_SETTING, value: made.privateKey },
      ])
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
  return {
    publicKey: (await getSetting(db, VAPID_PUBLIC_SETTING)) ?? made.publicKey,
    privateKey: (await getSetting(db, VAPID_PRIVATE_SETTING)) ?? made.privateKey,
  };
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
