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
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { isMirrorFilePath, MIRROR_OWN_DIR } from '../domain/mirror-path.js';
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
      path: z.string().refine(isMirrorFilePath, 'not a path inside the mirror'),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export type MirrorManifest = z.infer<typeof manifestSchema>;

/**
 * A mirror's files as the manifest lists them, kept compact for mirrors of
 * hundreds of thousands of files: a path → slot map, and each slot's size
 * and raw SHA-256 in typed arrays (some 100 bytes a file with its path,
 * against some 300 for a `ManifestEntry` object with its hex string).
 * Paths are the caller's strings, not copied.
 */
export class MirrorFileList {
  readonly #slots = new Map<string, number>();
  #sizes = new Float64Array(1024);
  #hashes = new Uint8Array(1024 * 32);
  #bytes = 0;

  /** Files listed. */
  get count(): number {
    return this.#slots.size;
  }

  /** Bytes of all the files listed. */
  get bytes(): number {
    return this.#bytes;
  }

  has(path: string): boolean {
    return this.#slots.has(path);
  }

  /** Lists `path` with the bytes `bytes` (hashed here); replaces an earlier listing of it. */
  add(path: string, bytes: Uint8Array): void {
    this.#set(path, bytes.byteLength, createHash('sha256').update(bytes).digest());
  }

  /** Lists `entry` as it is (an earlier run's, whose file is kept). */
  addEntry(entry: ManifestEntry): void {
    this.#set(entry.path, entry.size, Buffer.from(entry.sha256, 'hex'));
  }

  /** Whether `path` is listed here and in `other` with the same size and SHA-256. */
  matches(path: string, other: MirrorFileList): boolean {
    const mine = this.#slots.get(path);
    const theirs = other.#slots.get(path);
    if (mine === undefined || theirs === undefined) return false;
    if (this.#sizes[mine] !== other.#sizes[theirs]) return false;
    const hash = (list: MirrorFileList, slot: number) =>
      list.#hashes.subarray(slot * 32, slot * 32 + 32);
    return Buffer.compare(hash(this, mine), hash(other, theirs)) === 0;
  }

  /** The entry of `path`, or undefined when it is not listed. */
  get(path: string): ManifestEntry | undefined {
    const slot = this.#slots.get(path);
    if (slot === undefined) return undefined;
    const sha256 = Buffer.from(this.#hashes.buffer, slot * 32, 32).toString('hex');
    return { path, size: this.#sizes[slot]!, sha256 };
  }

  /** The paths listed, in the order first listed. */
  paths(): IterableIterator<string> {
    return this.#slots.keys();
  }

  #set(path: string, size: number, sha256: Uint8Array): void {
    let slot = this.#slots.get(path);
    if (slot === undefined) {
      slot = this.#slots.size;
      this.#slots.set(path, slot);
      this.#grow(slot + 1);
    } else this.#bytes -= this.#sizes[slot]!;
    this.#sizes[slot] = size;
    this.#hashes.set(sha256, slot * 32);
    this.#bytes += size;
  }

  #grow(slots: number): void {
    if (slots <= this.#sizes.length) return;
    const sizes = new Float64Array(this.#sizes.length * 2);
    sizes.set(this.#sizes);
    const hashes = new Uint8Array(sizes.length * 32);
    hashes.set(this.#hashes);
    this.#sizes = sizes;
    this.#hashes = hashes;
  }
}

/** Entries written to the manifest file at once. */
const ENTRIES_PER_WRITE = 2000;

/**
 * Writes the manifest of `files` for the site `site` at `writtenAt` to
 * MANIFEST_FILE in `dir`, a few thousand entries at a time (never one
 * string of them all), then its signature by `privateKeyPem` (base64) to
 * SIGNATURE_FILE. The bytes are those of `JSON.stringify(manifest, null,
 * 1)` with the files sorted by path; Ed25519 (RFC 8032) signs the whole
 * message, so the file is read back once to sign it.
 */
export async function writeSignedManifest(
  dir: string,
  site: string,
  writtenAt: Date,
  files: MirrorFileList,
  privateKeyPem: string,
): Promise<void> {
  const paths = [...files.paths()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const file = join(dir, MANIFEST_FILE);
  const head = JSON.stringify(
    { format: FORMAT, site, writtenAt: writtenAt.toISOString() },
    null,
    1,
  );
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve).on('error', reject);
  });
  const write = (text: string) =>
    out.write(text)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', resolve));
  await write(`${head.slice(0, -2)},\n "files": [${paths.length === 0 ? ']' : ''}`);
  for (let from = 0; from < paths.length; from += ENTRIES_PER_WRITE) {
    let text = '';
    for (const path of paths.slice(from, from + ENTRIES_PER_WRITE)) {
      const entry = files.get(path)!;
      text +=
        `${text === '' && from === 0 ? '' : ','}\n  {\n   "path": ${JSON.stringify(path)},` +
        `\n   "size": ${entry.size},\n   "sha256": "${entry.sha256}"\n  }`;
    }
    await write(text);
  }
  out.end(paths.length === 0 ? '\n}\n' : '\n ]\n}\n');
  await done;
  const signature = sign(null, await readFile(file), privateKeyPem).toString('base64');
  await writeFile(join(dir, SIGNATURE_FILE), `${signature}\n`);
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

/** An earlier mirror's manifest, as its writer reads it again. */
export interface OwnManifest {
  writtenAt: Date;
  files: MirrorFileList;
}

/**
 * The manifest of the earlier mirror in `dir`, read line by line as
 * writeSignedManifest lays it out (one field a line), without checking its
 * signature (the writer's own folder) and without holding its text whole;
 * null when there is none or it is not one (another layout, a field
 * missing or malformed, a path that would lead outside the folder, over
 * MAX_MANIFEST_BYTES): then a run writes the whole mirror and removes
 * nothing.
 */
export async function readOwnManifest(dir: string): Promise<OwnManifest | null> {
  const path = join(dir, MANIFEST_FILE);
  const stats = await stat(path).catch(() => null);
  if (!stats?.isFile() || stats.size > MAX_MANIFEST_BYTES) return null;
  const files = new MirrorFileList();
  const head: Record<string, unknown> = {};
  let entry: Partial<ManifestEntry> = {};
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    const field = /^ {1,3}"(format|site|writtenAt|path|size|sha256)": (.*?),?$/.exec(line);
    if (!field) continue;
    let value: unknown;
    try {
      value = JSON.parse(field[2]!);
    } catch {
      return null;
    }
    const name = field[1]!;
    if (name === 'path' && typeof value === 'string' && isMirrorFilePath(value)) {
      entry = { path: value };
    } else if (name === 'size' && Number.isSafeInteger(value) && (value as number) >= 0)
      entry.size = value as number;
    else if (name === 'sha256' && typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) {
      if (entry.path === undefined || entry.size === undefined) return null;
      files.addEntry({ path: entry.path, size: entry.size, sha256: value });
      entry = {};
    } else if (['format', 'site', 'writtenAt'].includes(name)) head[name] = value;
    else return null;
  }
  const writtenAt = typeof head.writtenAt === 'string' ? new Date(head.writtenAt) : null;
  if (head.format !== FORMAT || writtenAt === null || Number.isNaN(writtenAt.getTime()))
    return null;
  return { writtenAt, files };
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
