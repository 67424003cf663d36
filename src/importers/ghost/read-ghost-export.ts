export async function readGhostExport(): Promise<never> {
  throw new Error('not yet');
}
