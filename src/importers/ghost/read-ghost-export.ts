/** Placeholder until the Ghost reader lands (its signature, so that the glue type-checks). */
export async function readGhostExport(
  _file: string,
  _options: { timeZone: string },
): Promise<never> {
  throw new Error('not yet');
}
