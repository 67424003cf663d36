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
    format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | {eta_formatted} left`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: true,
    clearOnComplete: false,
  });
  const started = Date.now();
  bar.start(total, 0, { rate: '0' });
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, {
        rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('en-US') : '0',
      });
    },
    stop() {
      bar.stop();
    },
  };
}
