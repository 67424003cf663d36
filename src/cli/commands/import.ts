/**
 * `midad import [--db FILE | --database URL] [--date YYYY-MM-DD] [--tz ZONE] FILE...`:
 * imports page captures and JSON Lines files of articles (with a progress
 * bar), each told by its content, one line of result per file. Exit status
 * 1 when any file was refused; the others are imported all the same.
 */
import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { CaptureDate } from '../../importers/capture/capture-parts.js';
import { importFiles } from '../../importers/import-files.js';
import { isValidTimeZone } from '../../lib/time-zone.js';
import { progressBar, type Progress } from '../progress.js';
import { openFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

/** Parses `--date`: a real calendar date written `YYYY-MM-DD`. */
export function parseDateOption(value: string): CaptureDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  const probe = match ? new Date(Date.UTC(year!, month! - 1, day!)) : null;
  if (!probe || probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day) {
    throw new InvalidArgumentError(`"${value}" is not a calendar date in the form YYYY-MM-DD.`);
  }
  return { year: year!, month: month!, day: day! };
}

function parseZoneOption(value: string): string {
  if (!isValidTimeZone(value)) {
    throw new InvalidArgumentError(`"${value}" is not an IANA time zone such as Asia/Damascus.`);
  }
  return value;
}

export function importCommand(setStatus: (code: number) => void): Command {
  return withDatabaseFlags(new Command('import'))
    .description('import page captures (text files of article pages) into the database')
    .argument('<files...>', 'capture files')
    .option('--date <YYYY-MM-DD>', 'date of captures that print only a time', parseDateOption)
    .option(
      '--tz <zone>',
      "time zone of the captures' times (default: the site's)",
      parseZoneOption,
    )
    .action(async (files: string[], opts: DatabaseFlags & { date?: CaptureDate; tz?: string }) => {
      const { config, database } = await openFromFlags(opts);
      try {
        let bar: Progress | null = null;
        const outcomes = await importFiles(
          { database, now: () => new Date() },
          files,
          {
            date: opts.date,
            timeZone: opts.tz ?? config.timeZone,
            onProgress: (file, read, total) => {
              bar ??= progressBar(basename(file), Math.ceil(total / 1024), 'KB');
              bar.update(Math.ceil(read / 1024));
            },
          },
          (outcome) => {
            bar?.stop();
            bar = null;
            (outcome.ok || outcome.partial ? console.log : console.error)(outcome.line);
            for (const detail of outcome.details) console.error(detail);
          },
        );
        const partial = outcomes.filter((o) => o.partial).length;
        const refused = outcomes.filter((o) => !o.ok && !o.partial).length;
        const whole = outcomes.length - partial - refused;
        console.log(
          partial > 0
            ? `${whole} imported, ${partial} imported in part, ${refused} refused`
            : `${whole} imported, ${refused} refused`,
        );
        setStatus(partial + refused > 0 ? 1 : 0);
      } finally {
        await database.close();
      }
    });
}
