/**
 * Polling a feed URL: one conditional GET (`If-None-Match` with the stored
 * ETag, `If-Modified-Since` with the stored Last-Modified) through the
 * guarded request (services/outbound-fetch.ts: the webhooks' address
 * guard unless the source allows private addresses, time limits, at most
 * MAX_WIRE_DOCUMENT_BYTES, redirects re-checked); the body is read as it
 * arrives by readWireDocument and its items handed to the desk.
 */
import { outboundFetch } from '../../services/outbound-fetch.js';
import { ingestWireItems } from '../../services/wire-queue.js';
import type { WireSource } from '../../domain/wire.js';
import { MAX_WIRE_DOCUMENT_BYTES, readWireDocument } from './read-wire.js';
import { addIngested, emptySourceReport, type SourcePollReport } from './poll-report.js';
import type { WirePollDeps, WireFetchLimits } from './wire-poll-deps.js';
import { readFailure } from './wire-poll-deps.js';

/** What the poller tells a feed server it accepts: feeds first, any XML or JSON after. */
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1';

/** The User-Agent agencies see in their logs. */
export const WIRE_USER_AGENT = 'Midad wire reader';

/** The request headers of a conditional GET for `source`. */
export function conditionalHeaders(
  source: Pick<WireSource, 'etag' | 'lastModified'>,
): Record<string, string> {
  return {
    accept: ACCEPT,
    'user-agent': WIRE_USER_AGENT,
    ...(source.etag ? { 'if-none-match': source.etag } : {}),
    ...(source.lastModified ? { 'if-modified-since': source.lastModified } : {}),
  };
}

/**
 * Polls the feed of `source` once and stores what is new. Never throws for
 * the source's own faults (a failed fetch, a refused document: `status`
 * `failed` with the reason); a database error is thrown.
 * @returns the report, and the validators to keep (`undefined`: keep the stored ones).
 */
export async function pollUrlSource(
  deps: WirePollDeps,
  source: WireSource,
  limits: WireFetchLimits,
): Promise<{
  report: SourcePollReport;
  etag: string | null | undefined;
  lastModified: string | null | undefined;
}> {
  const report = emptySourceReport(source);
  const fail = (error: string) => {
    report.status = 'failed';
    report.error = error;
    return { report, etag: undefined, lastModified: undefined };
  };
  if (source.url === null) return fail('the source has no address');
  const answer = await outboundFetch(
    source.url,
    {
      headers: conditionalHeaders(source),
      decompress: true,
      ...(limits.signal ? { signal: limits.signal } : {}),
    },
    {
      maxBytes: MAX_WIRE_DOCUMENT_BYTES,
      allowPrivate: source.allowPrivate,
      timeoutMs: limits.timeoutMs,
      connectTimeoutMs: limits.connectTimeoutMs,
    },
  );
  if (!answer.ok) return fail(answer.reason);
  if (answer.status === 304) {
    answer.discard();
    return {
      report,
      etag: answer.etag ?? undefined,
      lastModified: answer.lastModified ?? undefined,
    };
  }
  let document;
  try {
    document = await readWireDocument(answer.body, { contentType: answer.contentType });
  } catch (error) {
    const reason = readFailure(error);
    if (reason === null) throw error;
    return fail(reason);
  } finally {
    answer.discard();
  }
  const ingested = await ingestWireItems(deps, source.id, document.items, deps.now());
  report.status = 'ok';
  report.items = document.items.length;
  report.warnings = [...document.warnings, ...ingested.warnings];
  addIngested(report, ingested);
  return { report, etag: answer.etag, lastModified: answer.lastModified };
}
