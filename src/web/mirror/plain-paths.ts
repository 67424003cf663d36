/**
 * Keeping a mirror run's writes and removals inside the mirror's folder.
 * Whoever else can write to that folder (a shared static host's folder, a
 * hook) could put a symbolic link where the mirror writes a file or a
 * folder, and a run that followed it would overwrite or delete a file
 * outside the mirror with the rights of the server's user. Before a file
 * is written or removed, `prepare` makes sure that every folder between
 * the mirror's and the file's is a real folder (a link there is removed
 * and a folder made in its place) and removes a link at the file's own
 * place. Links are removed, never followed; the link's target is left as
 * it was.
 */
import { lstat, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export class PlainPaths {
  readonly #root: string;
  /** Folders (relative, `/`-separated) found or made plain during this run. */
  readonly #plain = new Set<string>();

  /** For the mirror in folder `root` (itself trusted: the operator's choice). */
  constructor(root: string) {
    this.#root = root;
  }

  /**
   * Makes `file`'s folders (relative, `/`-separated) plain folders, and
   * removes whatever is at `file` that is neither a plain file nor a
   * folder (a link, a FIFO, a socket, a device).
   * @throws a file system error when a folder cannot be made (a plain file
   *   in its place: it is not removed).
   */
  async prepare(file: string): Promise<void> {
    const parts = file.split('/');
    parts.pop();
    let folder = '';
    for (const part of parts) {
      folder = folder === '' ? part : `${folder}/${part}`;
      if (this.#plain.has(folder)) continue;
      const path = join(this.#root, folder);
      const stats = await lstat(path).catch(() => null);
      if (stats?.isSymbolicLink()) await rm(path);
      if (stats === null || stats.isSymbolicLink()) await this.#makeFolder(path);
      this.#plain.add(folder);
    }
    // A link, a FIFO (whose opening would block), a socket or a device is no file of ours.
    const path = join(this.#root, file);
    const own = await lstat(path).catch(() => null);
    if (own !== null && !own.isFile() && !own.isDirectory()) await rm(path);
  }

  /** Makes folder `path`; one made meanwhile by a write running beside this one is as good. */
  async #makeFolder(path: string): Promise<void> {
    try {
      await mkdir(path);
    } catch (error) {
      const made = await lstat(path).catch(() => null);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !made?.isDirectory()) throw error;
    }
  }

  /** Forgets `folder`, removed (empty) after its files were: it is looked at again if used. */
  forget(folder: string): void {
    this.#plain.delete(folder);
  }
}
