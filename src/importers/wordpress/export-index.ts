/**
 * Pass 1 over a WordPress export: the whole file is read (so that a
 * malformed or unsafe file is refused before anything is written) and
 * what posts refer to is gathered: authors, categories, tags, attachments
 * (an image may come after the post that shows it), the addresses that
 * lead to each post, and how many posts there are. Post bodies are not
 * kept; what grows with the number of posts (their keys, addresses and
 * attachments) is kept on disk (lib/disk-map.ts), so memory does not.
 */
import type { SiteImage } from '../../domain/site-import.js';
import { DiskMap } from '../../lib/disk-map.js';
import { checkStamp, fileStamp, type FileStamp } from '../file-stamp.js';
import { AuthorRegistry } from './authors.js';
import { classifyItem } from './item-class.js';
import { oldPathOf, parseHttpUrl, siteAddress } from './old-path.js';
import { plainText } from './plain-text.js';
import { positiveId, postAddresses, postKeyOf } from './post-key.js';
import { TermRegistry, termRole } from './terms.js';
import type { WxrItem } from './wxr-stream.js';
import { readWxrRecords } from './wxr-thread.js';

/** An attachment of the export. */
export interface Attachment {
  image: SiteImage;
  /** `wp:post_parent`: the post it was uploaded to, or null. */
  parentKey: string | null;
  /** Its attachment page (`<link>`), or ''. */
  link: string;
}

/** What pass 1 gathered. */
export interface ExportIndex {
  stamp: FileStamp;
  siteUrl: string | null;
  authors: AuthorRegistry;
  categories: TermRegistry;
  tags: TermRegistry;
  /** By post ID. */
  attachments: AttachmentIndex;
  /** Old address → the key of the post it leads to. */
  linkTargets: DiskMap;
  postCount: number;
  /** Lines for `tally.notes` known after pass 1. */
  notes: string[];
  /** Deletes the scratch files; the index cannot be used after. */
  close(): void;
}

/** The export's attachments by post ID, on disk. */
export class AttachmentIndex {
  private readonly map = new DiskMap();

  get(id: string): Attachment | undefined {
    const json = this.map.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as Attachment);
  }

  /** Adds the attachment `id` unless the export gave it already. */
  add(id: string, attachment: Attachment): void {
    this.map.setIfAbsent(id, JSON.stringify(attachment));
  }

  *values(): Generator<Attachment> {
    for (const [, json] of this.map.entries()) yield JSON.parse(json) as Attachment;
  }

  close(): void {
    this.map.close();
  }
}

/** Options of the read that pass 1 needs. */
export interface IndexOptions {
  postTypes: readonly string[];
}

/** How messages name the file. */
export const WORDPRESS_EXPORT = 'WordPress export';

const PASS_1_META = new Set(['_wp_attachment_image_alt']);

/**
 * Reads the export at `file` whole and gathers its index.
 * @throws AppError IMPORT_FILE_MALFORMED, IMPORT_FILE_UNSAFE,
 *   IMPORT_FILE_TOO_LARGE (see readWxr); IMPORT_FILE_CHANGED when the
 *   file changed while it was read.
 */
export async function indexWordPressExport(
  file: string,
  options: IndexOptions,
): Promise<ExportIndex> {
  const stamp = await fileStamp(file);
  const postKeys = new DiskMap();
  const index: ExportIndex = {
    stamp,
    siteUrl: null,
    authors: new AuthorRegistry(),
    categories: new TermRegistry(),
    tags: new TermRegistry(),
    attachments: new AttachmentIndex(),
    linkTargets: new DiskMap(),
    postCount: 0,
    notes: [],
    close() {
      this.attachments.close();
      this.linkTargets.close();
    },
  };
  try {
    await readIndex(file, index, options, postKeys);
  } catch (error) {
    index.close();
    throw error;
  } finally {
    postKeys.close();
  }
  return index;
}

/** Pass 1 proper: fills `index` from the file. */
async function readIndex(
  file: string,
  index: ExportIndex,
  options: IndexOptions,
  postKeys: DiskMap,
): Promise<void> {
  const channel = new Map<string, string>();
  for await (const record of readWxrRecords(file, { content: false, metaKeys: PASS_1_META })) {
    switch (record.kind) {
      case 'channel':
        if (!channel.has(record.name)) channel.set(record.name, record.value);
        index.siteUrl =
          siteAddress(channel.get('wp:base_blog_url') ?? '') ??
          siteAddress(channel.get('link') ?? '');
        break;
      case 'author':
        index.authors.addEntry(record.fields);
        break;
      case 'category':
        index.categories.addEntry(record.fields, 'category');
        break;
      case 'tag':
        index.tags.addEntry(record.fields, 'tag');
        break;
      case 'term':
        break;
      case 'item':
        indexItem(index, record.item, options, postKeys);
        break;
      case 'end':
        if (record.forbiddenCharacters > 0) {
          index.notes.push(
            `Characters that XML does not allow (control characters) were removed: ${record.forbiddenCharacters}.`,
          );
        }
        break;
    }
  }
  await checkStamp(file, index.stamp, WORDPRESS_EXPORT);
  addAttachmentPages(index, postKeys);
  for (const key of index.categories.orphans()) {
    index.notes.push(
      `Category «${key}» names a parent that is not in the export; it is kept at the top.`,
    );
  }
}

function indexItem(
  index: ExportIndex,
  item: WxrItem,
  options: IndexOptions,
  postKeys: DiskMap,
): void {
  const fields = item.fields;
  const key = postKeyOf(fields);
  const type = fields.get('wp:post_type')?.trim();
  if (type === 'attachment' && key !== null) {
    const url = fields.get('wp:attachment_url')?.trim() || fields.get('guid')?.trim() || '';
    index.attachments.add(key, {
      image: {
        url,
        alt: plainText(item.meta.get('_wp_attachment_image_alt') ?? ''),
        caption: plainText(fields.get('excerpt:encoded') ?? ''),
      },
      parentKey: positiveId(fields.get('wp:post_parent')),
      link: fields.get('link')?.trim() ?? '',
    });
    return;
  }
  const itemClass = classifyItem(fields, options.postTypes);
  if (!itemClass.post || key === null || !postKeys.setIfAbsent(key, '')) return;
  index.postCount += 1;
  index.authors.creator(fields.get('dc:creator') ?? '');
  for (const term of item.terms) {
    const role = termRole(term.domain);
    if (role === 'author') index.authors.coauthor(term);
    else if (role === 'category') index.categories.use(term);
    else if (role === 'tag') index.tags.use(term);
  }
  for (const address of postAddresses(fields, key, itemClass.kind, index.siteUrl)) {
    index.linkTargets.setIfAbsent(address, key);
  }
}

/** Attachment pages of posts (`/2021/خبر/صورة/`) lead to their post. */
function addAttachmentPages(index: ExportIndex, postKeys: DiskMap): void {
  for (const attachment of index.attachments.values()) {
    if (attachment.parentKey === null || !postKeys.has(attachment.parentKey)) continue;
    if (parseHttpUrl(attachment.link) === null) continue;
    const path = oldPathOf(attachment.link);
    for (const address of [attachment.link, path]) {
      if (address !== null) index.linkTargets.setIfAbsent(address, attachment.parentKey);
    }
  }
}
