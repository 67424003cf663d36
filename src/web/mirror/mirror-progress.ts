/**
 * The count a mirror run reports to its progress bar (`midad mirror`):
 * the files this run handles, each counted once when it is written, left
 * as it is (unchanged bytes, or kept from the last run by `--since`), or
 * refused by the site; and how many it knows of so far, which grows as the
 * run finds them (the pages once listed, then the search index's files,
 * then the files the pages use). Files kept from the last run that this
 * run does not list (its images, by `--since`) are in neither.
 */
export class MirrorProgress {
  #done = 0;
  #total = 0;
  readonly #report: ((done: number, total: number) => void) | undefined;

  /** Tells `report` (done, total) after each file. */
  constructor(report?: (done: number, total: number) => void) {
    this.#report = report;
  }

  /** `files` more to handle, found now. */
  found(files: number): void {
    this.#total += files;
  }

  /** One file handled. */
  handled(): void {
    this.#done += 1;
    this.#report?.(this.#done, this.#total);
  }
}
