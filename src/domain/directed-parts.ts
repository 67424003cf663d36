/**
 * A search result's text parts (search-result.ts) grouped by direction, so
 * that a view can isolate each left-to-right run (`<bdi dir="ltr">`) while
 * keeping its marked words: `(Unicode <mark>Conference</mark>)` inside an
 * Arabic snippet becomes `(<bdi dir="ltr">Unicode <mark>Conference</mark></bdi>)`.
 */
import { ltrRuns } from '../arabic/bidi.js';
import type { TextPart } from './search-result.js';

/** Consecutive parts that are one left-to-right run, or none of one. */
export interface DirectedParts {
  ltr: boolean;
  parts: TextPart[];
}

/**
 * `parts` cut where a left-to-right run (arabic/bidi.ts `ltrRuns`, found in
 * the parts' joined text) starts or ends, and grouped: a mark that
 * straddles a run's edge becomes two marks. Joining every group's parts
 * gives back the text; empty parts are dropped.
 *
 * @example directedParts([{ text: 'مؤتمر (Unicode) في', match: false }])
 *   // [{ ltr: false, parts: [{ text: 'مؤتمر (', match: false }] },
 *   //  { ltr: true, parts: [{ text: 'Unicode', match: false }] },
 *   //  { ltr: false, parts: [{ text: ') في', match: false }] }]
 */
export function directedParts(parts: readonly TextPart[]): DirectedParts[] {
  const runs = ltrRuns(parts.map((p) => p.text).join(''));
  const groups: DirectedParts[] = [];
  // The group being filled: which run it is (-1 outside every run).
  let groupRun = Number.NaN;
  let runIndex = 0;
  let offset = 0;
  const push = (text: string, match: boolean, run: number) => {
    if (text === '') return;
    if (run !== groupRun) {
      groups.push({ ltr: run >= 0, parts: [] });
      groupRun = run;
    }
    groups[groups.length - 1]?.parts.push({ text, match });
  };
  for (const part of parts) {
    let at = 0;
    while (at < part.text.length) {
      const here = offset + at;
      while (runIndex < runs.length && (runs[runIndex]?.end ?? 0) <= here) runIndex++;
      const run = runs[runIndex];
      let until: number;
      let inRun: number;
      if (run !== undefined && run.start <= here) {
        until = run.end;
        inRun = runIndex;
      } else {
        until = run?.start ?? Infinity;
        inRun = -1;
      }
      const end = Math.min(part.text.length, until - offset);
      push(part.text.slice(at, end), part.match, inRun);
      at = end;
    }
    offset += part.text.length;
  }
  return groups;
}
