/**
 * The tables of a Ghost export that an import uses, found in the document's
 * skeleton (what read-ghost-export.ts keeps of it) and checked: `posts_meta`,
 * `users`, `posts_authors`, `tags`, `posts_tags`; of `comments` only the
 * number of rows; `posts` row by row as they stream past (checkPostRow).
 * Every other table (members, api_keys, settings, sessions, tokens…) is
 * never kept, and the fields a table's schema does not name are dropped
 * here, so that nothing else of the file goes further.
 *
 * Shapes: Ghost's core/server/data/exporter writes `{"db": [{"meta":
 * {"exported_on", "version"}, "data": {<table>: [<row>, …]}}]}`; some
 * tools and Ghost's own importer also take the bare `{"meta", "data"}`.
 * Field names are Ghost's schema's (core/server/data/schema/schema.js),
 * from Ghost 1 (`page` flag, `author_id`, meta fields on posts) to Ghost 6
 * (`type`, `posts_authors`, `posts_meta`, `lexical`).
 */
import { z } from 'zod';
import { removeXmlForbidden } from '../../arabic/clean.js';
import { AppError } from '../../lib/errors.js';

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
/** Ghost writes booleans as true/false, or 0/1 from SQLite. */
const flag = z
  .union([z.boolean(), z.literal(0), z.literal(1)])
  .nullish()
  .transform((value) => value === true || value === 1);
/** ISO 8601, `YYYY-MM-DD HH:MM:SS` or epoch milliseconds; read by ghost-date.ts. */
const time = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => value ?? null);
const order = z
  .number()
  .nullish()
  .transform((value) => value ?? 0);

const postRow = z.object({
  id,
  title: text,
  slug: text,
  html: optionalText,
  mobiledoc: optionalText,
  lexical: optionalText,
  /** Ghost 0.x's Markdown source, before mobiledoc. */
  markdown: optionalText,
  type: optionalText,
  page: flag,
  status: text,
  visibility: optionalText,
  featured: flag,
  feature_image: optionalText,
  /** Ghost 0.x's name for the feature image. */
  image: optionalText,
  custom_excerpt: text,
  meta_title: text,
  meta_description: text,
  published_at: time,
  updated_at: time,
  created_at: time,
  author_id: id.nullish(),
});

const postMetaRow = z.object({
  post_id: id,
  feature_image_alt: optionalText,
  feature_image_caption: optionalText,
  meta_title: optionalText,
  meta_description: optionalText,
});

const userRow = z.object({
  id,
  name: text,
  slug: text,
  email: optionalText,
  bio: text,
});

const postAuthorRow = z.object({ post_id: id, author_id: id, sort_order: order });

const tagRow = z.object({
  id,
  name: text,
  slug: text,
  description: text,
  visibility: optionalText,
});

const postTagRow = z.object({ post_id: id, tag_id: id, sort_order: order });

export type GhostPostRow = z.infer<typeof postRow>;
export type GhostPostMetaRow = z.infer<typeof postMetaRow>;
export type GhostUserRow = z.infer<typeof userRow>;
export type GhostPostAuthorRow = z.infer<typeof postAuthorRow>;
export type GhostTagRow = z.infer<typeof tagRow>;
export type GhostPostTagRow = z.infer<typeof postTagRow>;

/** Ghost's tables whose rows an import keeps (besides `posts`, read row by row). */
export const KEPT_TABLES: ReadonlySet<string> = new Set([
  'posts_meta',
  'users',
  'posts_authors',
  'tags',
  'posts_tags',
]);

/** The post fields that hold its body: read only when the post is yielded. */
export const BODY_FIELDS: ReadonlySet<string> = new Set([
  'html',
  'mobiledoc',
  'lexical',
  'markdown',
]);

/**
 * The checked tables of one export but its posts. Missing tables are empty
 * (older Ghost has no posts_meta).
 */
export interface GhostTables {
  /** `meta.version` (`4.48.2`, or `003` for Ghost 0.x), or null. */
  version: string | null;
  postsMeta: GhostPostMetaRow[];
  users: GhostUserRow[];
  postsAuthors: GhostPostAuthorRow[];
  tags: GhostTagRow[];
  postsTags: GhostPostTagRow[];
  /** Rows of Ghost 5's `comments` table, counted and not imported. */
  commentCount: number;
}

function notGhost(reason: string): AppError {
  return new AppError(
    'IMPORT_FILE_MALFORMED',
    `The JSON document is not a Ghost export: ${reason}.`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `{meta, data}` of a wrapped or bare export. */
export function exportBody(json: unknown): {
  meta: Record<string, unknown>;
  data: Record<string, unknown>;
} {
  if (!isObject(json)) throw notGhost('it is not a JSON object');
  let body: unknown = json;
  if ('db' in json) {
    if (!Array.isArray(json['db']) || json['db'].length === 0) {
      throw notGhost('its "db" is not a list of exports');
    }
    body = json['db'][0];
  }
  if (!isObject(body) || !isObject(body['data'])) {
    throw notGhost('it has neither a "db" list nor a "data" object of tables');
  }
  return { meta: isObject(body['meta']) ? body['meta'] : {}, data: body['data'] };
}

/**
 * The rows of `data[name]`, each checked against `schema`.
 * @throws AppError IMPORT_FILE_MALFORMED naming the table, the row (1-based)
 *   and the field, never a value.
 */
function table<T>(data: Record<string, unknown>, name: string, schema: z.ZodType<T>): T[] {
  const rows = data[name];
  if (rows === undefined || rows === null) return [];
  if (!Array.isArray(rows)) throw notGhost(`its table "${name}" is not a list of rows`);
  return rows.map((row, index) => checkedRow(row, index, name, schema));
}

/**
 * `value` with the characters XML 1.0 forbids (control characters, lone
 * surrogates) removed from every string in it, as the WordPress reader
 * removes them: none reaches a headline, a slug or a name, nor PostgreSQL,
 * which refuses U+0000 in text.
 */
function withoutXmlForbidden(value: unknown): unknown {
  if (typeof value === 'string') return removeXmlForbidden(value);
  if (Array.isArray(value)) return value.map(withoutXmlForbidden);
  if (isObject(value)) {
    const clean: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) clean[key] = withoutXmlForbidden(member);
    return clean;
  }
  return value;
}

function checkedRow<T>(row: unknown, index: number, name: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(withoutXmlForbidden(row));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw new AppError(
    'IMPORT_FILE_MALFORMED',
    `The Ghost export's table "${name}", row ${index + 1}: ${field === '' ? 'not an object' : `field "${field}" is not of the expected type`}.`,
  );
}

/**
 * The `posts` row `row`, the `index`th (0-based) of its table, checked.
 * @throws AppError IMPORT_FILE_MALFORMED naming the row and the field, never a value.
 */
export function checkPostRow(row: unknown, index: number): GhostPostRow {
  return checkedRow(row, index, 'posts', postRow);
}

/**
 * The tables an import uses, from the export's skeleton `json` (its
 * `posts` rows already read: `postsFault` is the first of their faults, or null).
 * @throws AppError IMPORT_FILE_MALFORMED when `json` is not a Ghost export
 *   (no `db` list nor `data`, no `posts` table) or a used table's row is not
 *   of Ghost's shape (`postsFault` first).
 */
export function ghostTables(json: unknown, postsFault: AppError | null): GhostTables {
  const { meta, data } = exportBody(json);
  if (!Array.isArray(data['posts'])) throw notGhost('it has no "posts" table');
  if (postsFault !== null) throw postsFault;
  const version = meta['version'];
  const comments = data['comments'];
  return {
    version: typeof version === 'string' ? version : null,
    postsMeta: table(data, 'posts_meta', postMetaRow),
    users: table(data, 'users', userRow),
    postsAuthors: table(data, 'posts_authors', postAuthorRow),
    tags: table(data, 'tags', tagRow),
    postsTags: table(data, 'posts_tags', postTagRow),
    commentCount: Array.isArray(comments) ? comments.length : 0,
  };
}
