/**
 * JSON Schemas of the Content API's shapes. Each is registered with
 * Fastify by its `$id` (it validates the requests and serialises the
 * responses), and @fastify/swagger publishes them as the components of
 * the OpenAPI 3.1 document, so the document and the answers cannot drift.
 * Written in the subset of JSON Schema that draft-07 (Fastify's validator)
 * and 2020-12 (OpenAPI 3.1) read alike; `null` is a type, as in 3.1.
 */

const dateTime = { type: 'string', format: 'date-time' } as const;
const nullable = <T extends Record<string, unknown>>(schema: T & { type: string }) => ({
  ...schema,
  type: [schema.type, 'null'],
});

export const sectionRef = {
  $id: 'SectionRef',
  type: 'object',
  description: 'A section, as an article names it.',
  required: ['slug', 'name', 'url'],
  properties: {
    slug: { type: 'string', examples: ['politics'] },
    name: { type: 'string', examples: ['سياسة'] },
    url: { type: 'string', format: 'uri', description: 'Its page on the site.' },
  },
} as const;

export const authorRef = {
  $id: 'AuthorRef',
  type: 'object',
  description: 'A person with a byline.',
  required: ['slug', 'name', 'url', 'bio', 'photoUrl'],
  properties: {
    slug: { type: 'string' },
    name: { type: 'string', examples: ['سامر الحلبي'] },
    url: { type: 'string', format: 'uri' },
    bio: { type: 'string', description: "Plain text; '' when none." },
    photoUrl: {
      type: ['string', 'null'],
      format: 'uri',
      description:
        "Their photo's smallest WebP variant (320 px wide, or the original's width when narrower), or null.",
    },
  },
} as const;

export const image = {
  $id: 'Image',
  type: 'object',
  description: 'An image of the media library: WebP variants of the widths in `srcset`.',
  required: ['url', 'width', 'height', 'alt', 'caption', 'credit', 'srcset'],
  properties: {
    url: { type: 'string', format: 'uri', description: 'The variant for a 960 px column.' },
    width: { type: 'integer', description: 'Of the original, in pixels.' },
    height: { type: 'integer' },
    alt: { type: 'string' },
    caption: { type: 'string' },
    credit: { type: 'string' },
    srcset: { type: 'string', description: 'Absolute URLs with their widths, as HTML `srcset`.' },
  },
} as const;

export const liveCoverage = {
  $id: 'LiveCoverage',
  type: 'object',
  additionalProperties: false,
  description:
    'Live coverage: timestamped updates, newest first, under the article (GET /articles/{idOrSlug}/live-updates).',
  required: ['state', 'startedAt', 'endedAt', 'updateCount'],
  properties: {
    state: {
      type: 'string',
      enum: ['live', 'ended'],
      description: '`live` while updates are being posted; `ended` once an editor closed it.',
    },
    startedAt: dateTime,
    endedAt: nullable({ ...dateTime, description: 'Null while live.' }),
    updateCount: { type: 'integer', minimum: 0, description: 'How many updates it has now.' },
  },
} as const;

export const articleNote = {
  $id: 'ArticleNote',
  type: 'object',
  additionalProperties: false,
  description:
    'A public note on a published article: a correction («تصحيح») or an update («تحديث»).',
  required: ['kind', 'text', 'createdAt'],
  properties: {
    kind: { type: 'string', enum: ['correction', 'update'] },
    text: {
      type: 'string',
      description: 'Plain text, without the label of its kind.',
      examples: ['ورد في نسخة سابقة أن قوة الزلزال 7 درجات، والصحيح أنها 6 درجات.'],
    },
    createdAt: { ...dateTime, description: 'When it was added (RFC 3339, UTC).' },
  },
} as const;

export const liveUpdate = {
  $id: 'LiveUpdate',
  type: 'object',
  additionalProperties: false,
  description: 'One timestamped update of a live article.',
  required: [
    'number',
    'headline',
    'bodyHtml',
    'key',
    'pinned',
    'author',
    'createdAt',
    'updatedAt',
    'url',
  ],
  properties: {
    number: {
      type: 'integer',
      minimum: 1,
      description:
        "Its number within the article, from 1, never reused: the page's anchor `#update-<number>`.",
    },
    headline: { type: 'string', description: "'' when it has none." },
    bodyHtml: {
      type: 'string',
      description: 'Sanitised HTML, as the article body; image sources are site-relative.',
    },
    key: { type: 'boolean', description: 'A key update, also listed at the top of the page.' },
    pinned: { type: 'boolean', description: 'Shown above the other updates, whatever its time.' },
    author: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'slug'],
          properties: { name: { type: 'string' }, slug: { type: 'string' } },
        },
        { type: 'null' },
      ],
      description: 'Who posted it; null once their account is deleted.',
    },
    createdAt: { ...dateTime, description: 'When it was posted (the time readers see).' },
    updatedAt: { ...dateTime, description: 'When it was last edited (createdAt until then).' },
    url: {
      type: 'string',
      format: 'uri',
      description: "The article's canonical URL with the update's anchor, `#update-<number>`.",
    },
  },
} as const;

export const article = {
  $id: 'Article',
  type: 'object',
  description: 'A published article.',
  required: [
    'id',
    'slug',
    'url',
    'headline',
    'excerpt',
    'bodyHtml',
    'publishedAt',
    'updatedAt',
    'modifiedAt',
    'live',
    'notes',
    'section',
    'tags',
    'authors',
    'byline',
    'featuredImage',
  ],
  properties: {
    id: {
      type: 'string',
      pattern: '^[1-9][0-9]{0,18}$',
      description: 'Decimal digits: ids may exceed 2^53, so they are strings.',
      examples: ['258871304963183'],
    },
    slug: nullable({ type: 'string', description: 'Arabic, as typed (not percent-encoded).' }),
    url: { type: 'string', format: 'uri', description: 'The canonical URL, percent-encoded.' },
    headline: { type: 'string' },
    excerpt: { type: 'string' },
    bodyHtml: {
      type: 'string',
      description: 'Sanitised HTML; image sources are site-relative.',
    },
    publishedAt: nullable({
      ...dateTime,
      description: 'RFC 3339, UTC; null when the date is unknown (an imported page).',
    }),
    updatedAt: { ...dateTime, description: 'The last save of any kind, a silent one too.' },
    modifiedAt: {
      ...dateTime,
      description:
        'When readers last saw a change that matters: the publish time, moved by a correction or update note and by a live update, not by a silent edit (schema.org dateModified). For an article whose publish date is unknown and that has no note, its last save.',
    },
    live: {
      anyOf: [{ $ref: 'LiveCoverage#' }, { type: 'null' }],
      description: 'Its live coverage; null when it never was live.',
    },
    notes: {
      type: 'array',
      items: { $ref: 'ArticleNote#' },
      description: 'Its public notes of correction and update, oldest first.',
    },
    section: { anyOf: [{ $ref: 'SectionRef#' }, { type: 'null' }] },
    tags: {
      type: 'array',
      items: {
        type: 'object',
        required: ['slug', 'name', 'url'],
        properties: {
          slug: { type: 'string' },
          name: { type: 'string' },
          url: { type: 'string', format: 'uri' },
        },
      },
    },
    authors: { type: 'array', items: { $ref: 'AuthorRef#' } },
    byline: nullable({ type: 'string', description: 'A byline as text (imported articles).' }),
    featuredImage: { anyOf: [{ $ref: 'Image#' }, { type: 'null' }] },
  },
} as const;

export const error = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          examples: ['INVALID_PARAMETER', 'API_KEY_MISSING', 'API_KEY_INVALID', 'NOT_FOUND'],
        },
        message: { type: 'string' },
        parameter: { type: 'string', description: 'The parameter at fault, for a 400.' },
      },
    },
  },
} as const;

/** Every shared schema, in the order they must be added (referenced ones first). */
export const SHARED_SCHEMAS = [
  sectionRef,
  authorRef,
  image,
  liveCoverage,
  articleNote,
  liveUpdate,
  article,
  error,
] as const;
