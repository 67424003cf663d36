/**
 * Progress bars for long work (imports, reindexing), by cli-progress, on
 * standard error. Without a terminal (a pipe, a log file) a line is written
 * every few seconds instead of redrawing.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/** A progress bar labelled `label` counting to `total` (`unit`: "articles", "KB"). */
export function progressBar(label: string, total: number, unit: string): Progress {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | {left} left`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: true,
    clearOnComplete: false,
  });
  const started = Date.now();
  let goal = total;
  bar.start(total, 0, { rate: '0', left: '?' });
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) bar.setTotal((goal = newTotal));
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, {
        rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('en-US') : '0',
        left: timeLeft(seconds, done, goal),
      });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * The time left at the average rate so far, `done` of `total` in
 * `seconds`: "42s", "3m05s", "1h20m"; "?" before anything is done.
 * (cli-progress's own estimate prints "LLs" once the count stops moving,
 * as while a mirror's manifest is written after its last file.)
 */
export function timeLeft(seconds: number, done: number, total: number): string {
  if (done <= 0) return '?';
  const left = Math.max(0, Math.round((seconds * (total - done)) / done));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (left < 60) return `${left}s`;
  if (left < 3600) return `${Math.floor(left / 60)}m${pad(left % 60)}s`;
  return `${Math.floor(left / 3600)}h${pad(Math.floor((left % 3600) / 60))}m`;
}
