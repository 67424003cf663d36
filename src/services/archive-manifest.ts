/**
 * The manifest of a site archive (`manifest.json`, the archive's first
 * file): what made it, which migrations its rows follow, and for every
 * other file its size and SHA-256, and for every table its row count, so
 * that an import can refuse a damaged archive before writing anything.
 *
 * The checksums find damage (a truncated download, a flipped byte), not
 * forgery: whoever can edit the archive can edit the manifest too.
 */
import { z } from 'zod';
import { AppError, type ErrorCode } from '../lib/errors.js';

/** The `format` of every Midad archive. */
export const ARCHIVE_FORMAT = 'midad-archive';
/** The format version this code writes and reads. */
export const ARCHIVE_FORMAT_VERSION = 1;
/** The manifest's path inside the archive. */
export const MANIFEST_PATH = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The manifest as checked on import; written by the same shape. */
export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  /** `sqlite` or `postgres`: the engine the site was exported from. */
  sourceDialect: z.enum(['sqlite', 'postgres']),
  /** Names of the migrations applied to the source, in order. */
  migrations: z.array(z.string()),
  /** Whether `users.password_hash` holds the hashes (else null). */
  passwordHashes: z.boolean(),
  /** Whether `webhooks.secret` holds the secrets (else null). */
  webhookSecrets: z.boolean(),
  /** Rows per table, keyed by table name (`<table>.jsonl` holds them). */
  tables: z.record(z.string(), z.object({ rows: z.number().int().min(0) })),
  /** Every other file of the archive, by path: size in bytes and SHA-256 (hex). */
  files: z.record(z.string(), z.object({ bytes: z.number().int().min(0), sha256 })),
});

/** A site archive's manifest. */
export type Manifest = z.infer<typeof manifestSchema>;

/** The codes of an archive's refusals (status 400, error-catalogue.ts). */
export type ArchiveErrorCode = Extract<ErrorCode, `ARCHIVE_${string}`>;

/**
 * Why an archive is refused, with a stable code: `ARCHIVE_UNREADABLE`
 * (not an archive, truncated, damaged compression), `ARCHIVE_INVALID`
 * (manifest, checksum, row count or row content wrong),
 * `ARCHIVE_INCOMPATIBLE` (another format version or other migrations),
 * `ARCHIVE_TARGET_NOT_EMPTY`, `ARCHIVE_EXISTS` (export over an existing file).
 */
export class ArchiveError extends AppError<ArchiveErrorCode> {
  constructor(code: ArchiveErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

/**
 * Reads and checks a manifest's JSON text.
 * @throws ArchiveError ARCHIVE_INVALID (not JSON, wrong shape),
 *   ARCHIVE_INCOMPATIBLE (a format version other than 1).
 */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ArchiveError('ARCHIVE_INVALID', 'The archive manifest is not valid JSON.', {
      cause: error,
    });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'top'}: ${first.message})` : '';
    throw new ArchiveError(
      'ARCHIVE_INVALID',
      `The file is not a Midad archive: its manifest is not valid${where}.`,
    );
  }
  if (parsed.data.formatVersion !== ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError(
      'ARCHIVE_INCOMPATIBLE',
      `The archive has format version ${parsed.data.formatVersion}; this Midad reads version ${ARCHIVE_FORMAT_VERSION}.`,
    );
  }
  return parsed.data;
}
