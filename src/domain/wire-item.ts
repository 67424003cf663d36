/**
 * An agency item as a wire reader hands it over (src/importers/wire/),
 * before the wire desk stores it (services/wire-*.ts): one story of an RSS,
 * Atom or JSON feed, a NewsML-G2 or NewsML 1.x `newsItem`, or an NITF
 * document. Text fields are as the source wrote them, entities decoded and
 * trimmed; `bodyHtml` is not yet sanitised (the desk sanitises it as every
 * body is, services/body-html.ts).
 */

/** The formats a wire source may deliver. */
export const WIRE_FORMATS = [
  'rss2',
  'rss1',
  'atom',
  'jsonfeed',
  'newsml-g2',
  'newsml1',
  'nitf',
] as const;
export type WireFormat = (typeof WIRE_FORMATS)[number];

/**
 * Whether the agency lets the item be published: `usable` (the normal
 * case, and always for feeds), `withheld` (held back for now: NewsML-G2
 * `pubStatus` `stat:withheld`, NITF `management-status="withheld"` or
 * `"embargoed"`, NewsML 1.x `Status` `Withheld`/`Embargoed`) or `canceled`
 * (withdrawn: `stat:canceled`, `canceled`, `Canceled`).
 */
export const WIRE_PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;
export type WirePubStatus = (typeof WIRE_PUB_STATUSES)[number];

/** One item read from a wire document. */
export interface WireItemInput {
  /**
   * The item's identity at the agency: RSS `guid`, Atom `id`, JSON Feed
   * `id`, NewsML-G2 `newsItem@guid`, NewsML 1.x `PublicIdentifier`, NITF
   * `doc-id@id-string`; failing those its link; failing that a hash of its
   * headline and date (`sha256:` and 64 hex digits).
   */
  guid: string;
  /**
   * The item's version where the format numbers versions (NewsML-G2
   * `newsItem@version`, NewsML 1.x `RevisionId`, NITF `doc-id@…`/`du-key`
   * version); null where it does not (feeds).
   */
  version: number | null;
  /** Plain text, one line. Never empty: an item without one is skipped with a warning. */
  headline: string;
  /** NewsML-G2 `slugline`, NITF `du-key`; '' when none. */
  slugline: string;
  /** Creator or byline as plain text (`dc:creator`, Atom `author/name`, `creator/name`); '' when none. */
  byline: string;
  /** Plain-text summary or standfirst (`description` when a `content:encoded` body exists, Atom `summary`, NewsML `description`, NITF `abstract`); '' when none. */
  summary: string;
  /** The body as HTML, unsanitised; '' when the item has only a summary. */
  bodyHtml: string;
  /** The item's page at the agency (absolute http(s) URL), or null. */
  link: string | null;
  /** BCP 47 language tag (`ar`, `ar-SY`), or null when the document does not say. */
  language: string | null;
  /** Subject names (NewsML-G2 `subject/name`, RSS `category`, Atom `category@term|label`), in document order, without duplicates. */
  subjects: string[];
  /**
   * When the agency sent it (RSS `pubDate`, Atom `updated`/`published`,
   * NewsML `versionCreated`/`firstCreated`, NITF `date.issue@norm`), as an
   * instant; null when the document gives no date (the desk then uses the
   * arrival time and marks it so).
   */
  sentAt: Date | null;
  /**
   * The UTC offset the date was written with, in minutes east of UTC
   * (`+03:00` → 180, `Z`/`GMT` → 0); null when there is no date or the
   * date gave no offset (then `sentAt` was read as UTC, and a warning says so).
   */
  sentOffsetMinutes: number | null;
  /** The agency's publishing status (see WirePubStatus); `usable` for feeds. */
  status: WirePubStatus;
}

/** A wire document read whole: its format, encoding, items and what was odd about it. */
export interface WireDocument {
  format: WireFormat;
  /** The WHATWG name of the encoding the bytes were read in: `utf-8`, `windows-1256`, `iso-8859-6`… */
  encoding: string;
  items: WireItemInput[];
  /** Short English notes for the source's status line and the CLI (an item skipped, a date without offset). */
  warnings: string[];
}
