/**
 * `midad wire add|list|remove|poll|queue`: the wire desk's sources from the
 * shell, one polling round for cron and tests, and the queue as JSON Lines
 * for scripts. Every command takes `--db FILE` / `--database URL` and
 * refuses a database that does not exist (a mistyped --db must not become
 * a new, empty site).
 *
 *   midad wire add --name sana-ar --agency "سانا" --url https://sana.example/ar/rss --section syria --every 5
 *   midad wire add --name afp-drop --agency "أ ف ب" --folder /srv/wire/afp
 *   midad wire list [--json]
 *   midad wire remove sana-ar
 *   midad wire poll [--due] [--json]     exit status 1 when a source failed
 *   midad wire queue --json [--limit N]
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { WireSource } from '../../domain/wire.js';
import { InvalidInput, InvalidInputs } from '../../lib/errors.js';
import { pollWireOnce, type SourcePollReport } from '../../importers/wire/wire-poller.js';
import { sourceReportLine } from '../../importers/wire/poll-report.js';
import { sanitizeHere } from '../../services/sanitizer-pool.js';
import { addWireSource, listWireSources, removeWireSource } from '../../services/wire-sources.js';
import { wireQueueForExport } from '../../services/wire-queue.js';
import type { Database } from '../../storage/database.js';
import { openFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

/** The option that gives each field of a source, for errors said in the command's words. */
const FLAG_OF_FIELD: Record<string, string> = {
  name: '--name',
  agency: '--agency',
  url: '--url',
  folder: '--folder',
  section: '--section',
  sectionSlug: '--section',
  sectionId: '--section',
  every: '--every',
  everyMinutes: '--every',
  allowPrivate: '--allow-private',
};

function wholeNumber(label: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`${label} must be a whole number from ${min} to ${max}.`);
    }
    return Number(value);
  };
}

/** Runs `work` on the (existing) database the flags name, then closes it. */
async function withDatabase<T>(
  flags: DatabaseFlags,
  work: (deps: { database: Database; now: () => Date; retentionDays: number }) => Promise<T>,
): Promise<T> {
  const { config, database } = await openFromFlags(flags, { existing: true });
  try {
    return await work({ database, now: () => new Date(), retentionDays: config.wireRetentionDays });
  } finally {
    await database.close();
  }
}

/** The service's field errors, each named by its option (`--url`) instead of the form's field. */
function inFlagWords(error: unknown): unknown {
  if (!(error instanceof InvalidInput)) return error;
  const problems = error instanceof InvalidInputs ? error.problems : [error];
  const renamed = problems.map(
    (p) =>
      new InvalidInput(
        p.code,
        FLAG_OF_FIELD[p.field] ?? p.field,
        // The form's words for its checkbox, in the command's.
        p.message.replace('allow private addresses to use it', 'add --allow-private to use it'),
        p.details,
      ),
  );
  return renamed.length === 1
    ? renamed[0]
    : new InvalidInputs(renamed as [InvalidInput, ...InvalidInput[]]);
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

/** A source as `wire list --json` prints it, one JSON object a line. */
function sourceJson(source: WireSource) {
  return {
    name: source.name,
    agency: source.agency,
    kind: source.kind,
    url: source.url,
    folder: source.folder,
    section: source.section?.slug ?? null,
    everyMinutes: source.everyMinutes,
    enabled: source.enabled,
    allowPrivate: source.allowPrivate,
    lastPolledAt: iso(source.lastPolledAt),
    lastOkAt: iso(source.lastOkAt),
    nextPollAt: iso(source.nextPollAt),
    failures: source.failures,
    lastError: source.lastError,
    lastItemCount: source.lastItemCount,
  };
}

/** A source as one line of `wire list`'s table (tab-separated). */
function sourceRow(source: WireSource): string {
  const status =
    source.lastError !== null
      ? `failing (${source.failures}): ${source.lastError}`
      : source.lastPolledAt === null
        ? 'not polled yet'
        : `ok, ${source.lastItemCount} items`;
  return [
    source.name,
    source.agency,
    source.kind === 'url' ? source.url : source.folder,
    `every ${source.everyMinutes} min`,
    source.enabled ? 'on' : 'off',
    status,
  ].join('\t');
}

/** What `wire poll` prints for a source: its line, then its refused files and notes, indented. */
function reportLines(report: SourcePollReport): string[] {
  return [
    sourceReportLine(report),
    ...report.refused.map((r) => `  refused ${r.file}: ${r.reason}`),
    ...report.warnings.map((w) => `  note: ${w}`),
  ];
}

export function wireCommand(setStatus: (code: number) => void): Command {
  const wire = new Command('wire').description('the wire desk: agency sources and their queue');

  withDatabaseFlags(wire.command('add'))
    .description('add a wire source: a feed address or a drop folder')
    .requiredOption('--name <name>', 'a short name for the source, unique (e.g. sana-ar)')
    .requiredOption('--agency <agency>', 'the agency credited (e.g. سانا)')
    .addOption(new Option('--url <url>', 'the feed (RSS, Atom, JSON Feed)').conflicts('folder'))
    .addOption(
      new Option('--folder <dir>', 'a folder where NewsML-G2, NITF or feed files are dropped'),
    )
    .option('--section <slug>', 'the section its items go to by default')
    .option(
      '--every <minutes>',
      'minutes between polls, 1 to 1440 (default 5)',
      wholeNumber('--every', 1, 1440),
    )
    .option(
      '--allow-private',
      'allow a loopback or private network address (an agency server on the LAN)',
    )
    .action(async function (
      this: Command,
      opts: {
        name: string;
        agency: string;
        url?: string;
        folder?: string;
        section?: string;
        every?: number;
        allowPrivate?: boolean;
      } & DatabaseFlags,
    ) {
      if (opts.url === undefined && opts.folder === undefined) {
        this.error('error: give the feed with --url URL or the drop folder with --folder DIR');
      }
      await withDatabase(opts, async (deps) => {
        const source = await addWireSource(deps, null, {
          name: opts.name,
          agency: opts.agency,
          ...(opts.url === undefined ? {} : { url: opts.url }),
          ...(opts.folder === undefined ? {} : { folder: opts.folder }),
          ...(opts.section === undefined ? {} : { sectionSlug: opts.section }),
          ...(opts.every === undefined ? {} : { everyMinutes: opts.every }),
          allowPrivate: opts.allowPrivate === true,
        }).catch((error: unknown) => {
          throw inFlagWords(error);
        });
        console.log(
          `added wire source ${source.name} (${source.kind === 'url' ? source.url : source.folder}), polled every ${source.everyMinutes} min`,
        );
      });
    });

  withDatabaseFlags(wire.command('list'))
    .description('list the wire sources and how their last poll went')
    .option('--json', 'one JSON object a line')
    .action(async (opts: { json?: boolean } & DatabaseFlags) => {
      await withDatabase(opts, async (deps) => {
        const sources = await listWireSources(deps, null);
        if (opts.json) {
          for (const source of sources) console.log(JSON.stringify(sourceJson(source)));
        } else if (sources.length === 0) {
          console.log('no wire sources: add one with midad wire add');
        } else {
          for (const source of sources) console.log(sourceRow(source));
        }
      });
    });

  withDatabaseFlags(wire.command('remove'))
    .description('remove a wire source and its items from the queue')
    .argument('<name>', 'the source’s name')
    .action(async (name: string, opts: DatabaseFlags) => {
      await withDatabase(opts, async (deps) => {
        await removeWireSource(deps, null, name);
        console.log(`removed wire source ${name}`);
      });
    });

  withDatabaseFlags(wire.command('poll'))
    .description(
      'poll the wire sources once (every enabled one, or with --due those due); exit status 1 when one failed',
    )
    .option(
      '--due',
      'only the sources due (their interval passed, backoff after failures kept): for cron',
    )
    .option('--json', 'one JSON object a line, per source')
    .option(
      '--timeout <seconds>',
      'time limit of a feed’s request (default 30)',
      wholeNumber('--timeout', 1, 600),
    )
    .action(async (opts: { due?: boolean; json?: boolean; timeout?: number } & DatabaseFlags) => {
      await withDatabase(opts, async (deps) => {
        const report = await pollWireOnce(
          { ...deps, sanitize: sanitizeHere },
          {
            force: opts.due !== true,
            ...(opts.timeout === undefined ? {} : { timeoutMs: opts.timeout * 1000 }),
          },
        );
        for (const source of report.sources) {
          if (opts.json) console.log(JSON.stringify(source));
          else for (const line of reportLines(source)) console.log(line);
        }
        if (!opts.json && report.sources.length === 0) {
          console.log(opts.due ? 'no wire source is due' : 'no enabled wire source');
        }
        if (report.sources.some((source) => source.status === 'failed')) setStatus(1);
      });
    });

  withDatabaseFlags(wire.command('queue'))
    .description('print the wire queue, newest first')
    .option(
      '--json',
      'JSON Lines: one item a line (source, guid, headline, time in UTC, section, text…)',
    )
    .option('--limit <n>', 'items at most (default all)', wholeNumber('--limit', 1, 1_000_000))
    .action(async (opts: { json?: boolean; limit?: number } & DatabaseFlags) => {
      await withDatabase(opts, async (deps) => {
        for await (const item of wireQueueForExport(deps, opts.limit)) {
          console.log(
            opts.json ? JSON.stringify(item) : `${item.time}\t${item.source}\t${item.headline}`,
          );
        }
      });
    });

  return wire;
}
