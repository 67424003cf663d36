/**
 * A count with its English noun, for the command line's reports (the CLI
 * speaks English): `1 line`, `2 lines`, `0 lines`, `1,250 posts`.
 */

/**
 * `n` (grouped with commas) and `singular` when `n` is 1, else `plural`
 * (default: `singular` + `s`).
 * @example englishCount(1, 'line') === '1 line'
 * @example englishCount(1250, 'post') === '1,250 posts'
 */
export function englishCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
