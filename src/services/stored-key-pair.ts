/**
 * A key pair the site keeps in the `settings` table under two keys, made
 * on first use: the web push keys (push-keys.ts) and the mirror signing
 * key (mirror-keys.ts).
 */
import type { Db } from '../storage/db.js';
import { getSetting } from '../storage/repositories/settings.repository.js';

/** A key pair as text, in the encoding its user chose. */
export interface StoredKeyPair {
  publicKey: string;
  privateKey: string;
}

/**
 * The pair stored under `settings` (`[public key, private key]`), made by
 * `make` and stored when there is none. Two instances at once agree: the
 * insert keeps the first pair written (`ON CONFLICT DO NOTHING`) and both
 * read it back. Half a pair (an edited database) is useless: it is
 * replaced whole.
 */
export async function ensureStoredKeyPair(
  db: Db,
  settings: readonly [publicKey: string, privateKey: string],
  make: () => StoredKeyPair | Promise<StoredKeyPair>,
): Promise<StoredKeyPair> {
  const [publicSetting, privateSetting] = settings;
  const publicKey = await getSetting(db, publicSetting);
  const privateKey = await getSetting(db, privateSetting);
  if (publicKey && privateKey) return { publicKey, privateKey };
  const made = await make();
  await db.transaction().execute(async (trx) => {
    if (publicKey || privateKey) {
      await trx
        .deleteFrom('settings')
        .where('key', 'in', [...settings])
        .execute();
    }
    await trx
      .insertInto('settings')
      .values([
        { key: publicSetting, value: made.publicKey },
        { key: privateSetting, value: made.privateKey },
      ])
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
  return {
    publicKey: (await getSetting(db, publicSetting)) ?? made.publicKey,
    privateKey: (await getSetting(db, privateSetting)) ?? made.privateKey,
  };
}
