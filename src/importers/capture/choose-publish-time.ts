import { importWarning, type ImportWarning } from '../../services/import-warning.js';
import type { CaptureDate, CaptureTime } from './capture-parts.js';
import type { PublishTime } from './publish-time.js';

/**
 * The article's publish time among the dates and times printed on a page,
 * given nearest the headline first.
 */
export interface ChosenPublishTime {
  date: CaptureDate | null;
  time: CaptureTime | null;
  timeZone: string | null;
  notes: ImportWarning[];
}

/**
 * The first printed date and time, preferring those not labelled as an
 * update; the zone printed with the time, else any zone printed. With no
 * date, the notes say why: the page printed a date that does not exist, or
 * only a relative time.
 *
 * @example choosePublishTime([]) // { date: null, time: null, timeZone: null, notes: [] }
 */
export function choosePublishTime(whens: readonly PublishTime[]): ChosenPublishTime {
  const ordered = [...whens.filter((w) => !w.updated), ...whens.filter((w) => w.updated)];
  const withDate = ordered.find((w) => w.date !== null);
  const withTime = ordered.find((w) => w.time !== null);
  const withZone = [withTime, withDate, ...ordered].find((w) => w?.timeZone);
  // One piece may be all three, and two pieces may note the same thing: each is said once.
  const notes = [withDate, withTime, withZone]
    .flatMap((w) => w?.notes ?? [])
    .filter((note, i, all) => all.findIndex((n) => n.message === note.message) === i);
  if (!withDate) {
    const impossible = ordered.find((w) => w.impossibleDate !== null)?.impossibleDate;
    const relative = ordered.find((w) => w.relative !== null)?.relative;
    if (impossible)
      notes.push(
        importWarning(
          'CAPTURE_DATE_IMPOSSIBLE',
          `The printed date "${impossible}" does not exist, so the date is left empty.`,
        ),
      );
    else if (relative)
      notes.push(
        importWarning(
          'CAPTURE_DATE_RELATIVE',
          `The capture gives only a relative time, "${relative}", not a date.`,
        ),
      );
  }
  return {
    date: withDate?.date ?? null,
    time: withTime?.time ?? null,
    timeZone: withZone?.timeZone ?? null,
    notes,
  };
}
