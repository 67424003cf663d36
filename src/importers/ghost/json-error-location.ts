/**
 * Where a byte offset of a JSON document lies, as a line and column a
 * person can find in an editor. A fault (json-walk.ts) is found by UTF-8
 * byte offset while the file streams past; the line and column are then
 * counted on a second read up to it, so that no text is held meanwhile.
 */

/** A place in a text: 1-based line (lines end at `\n`), 1-based column in characters (code points). */
export interface LineAndColumn {
  line: number;
  column: number;
}

/** UTF-8 length of the code point `codePoint`. */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * The line and column of the UTF-8 byte `offset` in the text given in
 * pieces by `pieces` (a piece never splits a character, as TextDecoder's
 * streaming output does not). An offset past the end is placed after the
 * last character.
 * @example await lineAndColumnAt(['{\n  "أ": 1,', '\n}'], 13) // { line: 3, column: 1 }
 */
export async function lineAndColumnAt(
  pieces: AsyncIterable<string> | Iterable<string>,
  offset: number,
): Promise<LineAndColumn> {
  let line = 1;
  let column = 1;
  let byte = 0;
  for await (const piece of pieces) {
    // Code points, one at a time: an export is often one line of hundreds of MB.
    for (const character of piece) {
      if (byte >= offset) return { line, column };
      byte += utf8Length(character.codePointAt(0) ?? 0);
      if (character === '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }
  return { line, column };
}
