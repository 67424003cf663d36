/**
 * A static mirror's signed manifest (issue 22): every file's path, size
 * and SHA-256 (FIPS 180-4), the run's time (UTC), signed with the site's
 * Ed25519 key (RFC 8032; mirror-keys.ts), so that readers and mirror
 * operators can check a copy:
 *
 * - `mirror/manifest.json`: `{ format, site, writtenAt, files: [{ path,
 *   size, sha256 }] }`, paths relative and `/`-separated, sorted;
 * - `mirror/manifest.json.sig`: the Ed25519 signature of the manifest's
 *   bytes, base64;
 * - `mirror/public-key.pem`: the public key (SPKI, PEM), which the site
 *   publishes at the same path.
 *
 * Those three are not listed in the manifest. A copy's own key file proves
 * only that the copy is whole; checking against the key the site
 * publishes (`midad mirror verify --key`) proves who wrote it.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { MIRROR_OWN_DIR } from '../domain/mirror-path.js';
import { AppError } from '../lib/errors.js';

export const MANIFEST_FILE = `${MIRROR_OWN_DIR}/manifest.json`;
export const SIGNATURE_FILE = `${MIRROR_OWN_DIR}/manifest.json.sig`;
export const PUBLIC_KEY_FILE = `${MIRROR_OWN_DIR}/public-key.pem`;
/** The files of the signature itself, which the manifest does not list. */
export const SIGNATURE_FILES: ReadonlySet<string> = new Set([
  MANIFEST_FILE,
  SIGNATURE_FILE,
  PUBLIC_KEY_FILE,
]);

const FORMAT = 'midad-mirror-manifest/1';
/** Largest manifest read, bytes: some 1.5 million files. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** One file of a mirror. */
export interface ManifestEntry {
  path: string;
  /** Bytes. */
  size: number;
  /** SHA-256 of its bytes, lower-case hex. */
  sha256: string;
}

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  site: z.string(),
  writtenAt: z.iso.datetime(),
  files: z.array(
    z.object({
      path: z.string().min(1),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export type MirrorManifest = z.infer<typeof manifestSchema>;

/** The entry of the file `path` whose bytes are `bytes`. */
export function manifestEntry(path: string, bytes: Uint8Array): ManifestEntry {
  return { path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The manifest of `files` for the site `site` at `writtenAt`, as the bytes
 * written to MANIFEST_FILE, and their signature by `privateKeyPem` (base64).
 */
export function signManifest(
  site: string,
  writtenAt: Date,
  files: Iterable<ManifestEntry>,
  privateKeyPem: string,
): { json: string; signature: string } {
  const manifest: MirrorManifest = {
    format: FORMAT,
    site,
    writtenAt: writtenAt.toISOString(),
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
  const json = `${JSON.stringify(manifest, null, 1)}\n`;
  return { json, signature: sign(null, Buffer.from(json), privateKeyPem).toString('base64') };
}

/**
 * The public key of `pem` (an SPKI PEM text).
 * @throws AppError `MIRROR_KEY_INVALID` when it is not an Ed25519 public key.
 */
export function mirrorPublicKeyOf(pem: string): KeyObject {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // Answered below, as any other key that is not Ed25519.
  }
  throw new AppError('MIRROR_KEY_INVALID', 'The key is not an Ed25519 public key (PEM).');
}

function notVerified(file: string, reason: string): AppError {
  return new AppError('MIRROR_NOT_VERIFIED', `The mirror did not verify: ${file}: ${reason}`, {
    details: { file, reason },
  });
}

/** What a verified mirror holds. */
export interface VerifiedMirror {
  manifest: MirrorManifest;
  /** Whose key signed it: the one given, or the copy's own key file. */
  keyFrom: 'given' | 'mirror';
}

/**
 * Reads and checks the signed manifest of the mirror in `dir` against
 * `publicKeyPem` (default: the mirror's own PUBLIC_KEY_FILE), without
 * looking at the other files.
 * @throws AppError `MIRROR_FOLDER_MISSING` (no folder `dir`),
 *   `MIRROR_NOT_VERIFIED` (a signature file missing or the signature
 *   wrong), `MIRROR_KEY_INVALID`.
 */
export async function readSignedManifest(
  dir: string,
  publicKeyPem?: string,
): Promise<VerifiedMirror> {
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new AppError('MIRROR_FOLDER_MISSING', `There is no folder ${dir}.`, {
      details: { folder: dir },
    });
  }
  const read = async (file: string) => {
    const stats = await stat(join(dir, file)).catch(() => null);
    if (!stats?.isFile()) throw notVerified(file, 'missing');
    if (stats.size > MAX_MANIFEST_BYTES) throw notVerified(file, 'too large');
    return readFile(join(dir, file));
  };
  const json = await read(MANIFEST_FILE);
  const signature = Buffer.from((await read(SIGNATURE_FILE)).toString('utf8').trim(), 'base64');
  const key = mirrorPublicKeyOf(publicKeyPem ?? (await read(PUBLIC_KEY_FILE)).toString('utf8'));
  if (!verify(null, json, key, signature)) {
    throw notVerified(MANIFEST_FILE, 'the signature does not match');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    throw notVerified(MANIFEST_FILE, 'not JSON');
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw notVerified(MANIFEST_FILE, 'not a mirror manifest');
  return { manifest: manifest.data, keyFrom: publicKeyPem === undefined ? 'mirror' : 'given' };
}

/**
 * Checks the mirror in `dir`: the manifest's signature, then every file:
 * one changed (size or SHA-256), missing, or not in the manifest fails.
 * @returns the manifest and whose key was used.
 * @throws AppError `MIRROR_NOT_VERIFIED` naming the first file that fails
 *   and why (`changed`, `missing`, `not in the manifest`, `not a plain file`:
 *   a symbolic link), `MIRROR_FOLDER_MISSING`, `MIRROR_KEY_INVALID`.
 */
export async function verifyMirror(dir: string, publicKeyPem?: string): Promise<VerifiedMirror> {
  const verified = await readSignedManifest(dir, publicKeyPem);
  const listed = new Map(verified.manifest.files.map((f) => [f.path, f]));
  for (const path of await listMirrorFiles(dir)) {
    if (SIGNATURE_FILES.has(path)) continue;
    const file = join(dir, path);
    // A link (to another file of the mirror, or outside it) is served as that file: never a mirror's.
    if (!(await lstat(file)).isFile()) throw notVerified(path, 'not a plain file');
    const entry = listed.get(path);
    if (!entry) throw notVerified(path, 'not in the manifest');
    if ((await stat(file)).size !== entry.size || (await sha256Of(file)) !== entry.sha256) {
      throw notVerified(path, 'changed');
    }
    listed.delete(path);
  }
  const missing = listed.keys().next();
  if (!missing.done) throw notVerified(missing.value, 'missing');
  return verified;
}

/**
 * The manifest of the earlier mirror in `dir`, read without checking its
 * signature (the writer's own folder), or null when there is none or it
 * is not one.
 */
export async function readOwnManifest(dir: string): Promise<MirrorManifest | null> {
  const text = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export async function listMirrorFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return (
    entries
      // Links and other non-folders too: a mirror holds only plain files, and verify says so.
      .filter((e) => !e.isDirectory())
      .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort()
  );
}

/** SHA-256 of the file at `path`, lower-case hex, read as a stream. */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
