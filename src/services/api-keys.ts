/**
 * Keys of the Content API: administrators make them (the key is shown
 * once, then only its SHA-256 is kept), list and revoke them; the API
 * checks a presented key against the stored hashes.
 */
import type { ApiKey } from '../domain/api-key.js';
import { FIELD_LIMITS, cleanLine } from '../domain/field-limits.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError, InvalidInput } from '../lib/errors.js';
import { randomToken, sha256Hex } from '../lib/tokens.js';
import {
  findActiveApiKey,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from '../storage/repositories/api-keys.repository.js';
import type { EditDeps } from './edit-article.js';

/** Every key starts with this, so that a leaked one is recognisable in a log or a repository. */
export const API_KEY_PREFIX = 'midad_';
/** How often a key's "last used" time is written at most, in ms. */
const TOUCH_EVERY_MS = 60_000;

function allow(actor: Actor): void {
  if (!can(actor, 'apikey.manage'))
    throw new AppError('FORBIDDEN', 'Only administrators manage API keys.');
}

/**
 * Makes a key named `name` (what it is for: "تطبيق الجوال").
 * @returns the stored key and, once only, the key itself (`midad_` and 43 URL-safe characters: 256 bits).
 * @throws InvalidInput API_KEY_NAME_INVALID for an empty or over-long name; AppError FORBIDDEN.
 */
export async function createApiKey(
  deps: EditDeps,
  actor: Actor,
  name: string,
): Promise<{ apiKey: ApiKey; key: string }> {
  allow(actor);
  const clean = cleanLine(name);
  if (clean === '' || [...clean].length > FIELD_LIMITS.apiKeyName)
    throw new InvalidInput('API_KEY_NAME_INVALID', 'name', 'Write a name of 1 to 80 characters.');
  const key = `${API_KEY_PREFIX}${randomToken()}`;
  const apiKey = await insertApiKey(
    deps.database.db,
    { name: clean, keyHash: sha256Hex(key), prefix: key.slice(0, 12), createdBy: actor.id },
    deps.now(),
  );
  return { apiKey, key };
}

/** Every key, newest first. @throws AppError FORBIDDEN */
export async function apiKeys(deps: EditDeps, actor: Actor): Promise<ApiKey[]> {
  allow(actor);
  return listApiKeys(deps.database.db);
}

/** Revokes a key: it stops working at once. @throws AppError FORBIDDEN, API_KEY_NOT_FOUND (404) */
export async function revokeKey(deps: EditDeps, actor: Actor, id: string): Promise<void> {
  allow(actor);
  if (!/^[1-9][0-9]{0,18}$/.test(id) || !(await revokeApiKey(deps.database.db, id, deps.now())))
    throw new AppError('API_KEY_NOT_FOUND', 'No such key, or it was revoked already.');
}

/**
 * The key that `presented` is, when it is a key that works; null otherwise.
 * Notes its use, at most once a minute.
 */
export async function authenticateApiKey(
  deps: EditDeps,
  presented: string,
): Promise<ApiKey | null> {
  if (!presented.startsWith(API_KEY_PREFIX) || presented.length > 100) return null;
  const apiKey = await findActiveApiKey(deps.database.db, sha256Hex(presented));
  if (apiKey === null) return null;
  const now = deps.now();
  if (apiKey.lastUsedAt === null || now.getTime() - apiKey.lastUsedAt.getTime() > TOUCH_EVERY_MS)
    await touchApiKey(deps.database.db, apiKey.id, now);
  return apiKey;
}
