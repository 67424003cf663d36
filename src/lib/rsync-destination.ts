/**
 * Checking where a mirror is pushed to (MIDAD_MIRROR_PUSH, `midad mirror
 * --push`): one argument handed to rsync (sendMirror) as its destination,
 * never through a shell. The forms are rsync's own (rsync(1), "USAGE"):
 * `rsync://[user@]host[:port]/module[/path]` and `[user@]host::module[/path]`
 * for an rsync daemon, `[user@]host:path` over ssh, and a local folder,
 * which must be absolute here (a server's working directory is no place to
 * guess at).
 */

/** Characters rsync or a person would read apart: white space and control characters (Unicode Cc). */
const SPLITTING = /[\s\p{Cc}]/u;

/** rsync's remote forms: a host (with an optional user) before `:` or `::`. */
const REMOTE = /^(?:[^@/:]+@)?[^@/:]+::?./;

/**
 * What is wrong with `value` as rsync's destination, or null when it is
 * one of the forms above.
 * @example rsyncDestinationProblem('rsync://mirror.example/news/') // null
 * @example rsyncDestinationProblem('-e sh') // "starts with '-', which rsync would read as an option"
 */
export function rsyncDestinationProblem(value: string): string | null {
  if (value === '') return 'empty: give an rsync destination such as rsync://host/module/';
  if (SPLITTING.test(value)) {
    return 'has a space, a line break or another control character: give one rsync destination';
  }
  if (value.startsWith('-')) return "starts with '-', which rsync would read as an option";
  if (value.startsWith('rsync://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return 'not an rsync URL such as rsync://host/module/';
    }
    return url.hostname !== '' && url.pathname.length > 1
      ? null
      : 'an rsync URL names a host and a module: rsync://host/module/';
  }
  if (value.startsWith('/') || REMOTE.test(value)) return null;
  return 'neither rsync://host/module/, [user@]host:path nor an absolute folder';
}
