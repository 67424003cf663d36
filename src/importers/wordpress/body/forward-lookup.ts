/**
 * Finding, for an opening item, the first matching closing item after it
 * (an end tag, a block's closing delimiter), in time linear over a whole
 * left-to-right pass: each name's closers are listed once, and the search
 * for a name resumes where it last stopped. Asked with `after` never
 * decreasing for a name, as the passes that use it do.
 */

/** Looks up closers by name; `names[i]` is the name item `i` closes, or null. */
export interface ForwardLookup {
  /** The index of the first item closing `name` after item `after`, or -1. */
  next(name: string, after: number): number;
}

/** A lookup over `names` (one entry per item: the name it closes, or null). */
export function forwardLookup(names: ReadonlyArray<string | null>): ForwardLookup {
  const lists = new Map<string, number[]>();
  const cursors = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === null) return;
    const list = lists.get(name);
    if (list) list.push(index);
    else lists.set(name, [index]);
  });
  return {
    next(name, after) {
      const list = lists.get(name) ?? [];
      let cursor = cursors.get(name) ?? 0;
      while (cursor < list.length && (list[cursor] ?? 0) <= after) cursor += 1;
      cursors.set(name, cursor);
      return list[cursor] ?? -1;
    },
  };
}
