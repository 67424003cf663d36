/** TEMPORARY STUB of H1's service (i19-core), reverted before the merge. */
import type { ArticleId } from '../domain/article-id.js';
import type { LiveCoverage, LiveUpdate } from '../domain/live-coverage.js';
import type { Actor } from '../domain/roles.js';
import type { Database } from './database.js';
import type { EditDeps } from './edit-article.js';

export interface LiveUpdateInput {
  headline: string;
  bodyHtml: string;
  key: boolean;
  pinned: boolean;
}
const no = (): never => {
  throw new Error('stub');
};
export async function startLiveCoverage(_d: EditDeps, _a: Actor, _id: ArticleId): Promise<LiveCoverage> {
  return no();
}
export async function endLiveCoverage(_d: EditDeps, _a: Actor, _id: ArticleId): Promise<LiveCoverage> {
  return no();
}
export async function postLiveUpdate(_d: EditDeps, _a: Actor, _id: ArticleId, _i: LiveUpdateInput): Promise<LiveUpdate> {
  return no();
}
export async function editLiveUpdate(_d: EditDeps, _a: Actor, _id: ArticleId, _n: number, _i: LiveUpdateInput): Promise<LiveUpdate> {
  return no();
}
export async function deleteLiveUpdate(_d: EditDeps, _a: Actor, _id: ArticleId, _n: number): Promise<void> {
  return no();
}
export async function listLiveUpdates(_d: { database: Database }, _id: ArticleId, _o?: { limit?: number; beforeNumber?: number; afterNumber?: number }): Promise<LiveUpdate[]> {
  return no();
}
export async function getLiveUpdate(_d: { database: Database }, _id: ArticleId, _n: number): Promise<LiveUpdate | null> {
  return no();
}
export async function countLiveUpdates(_d: { database: Database }, _id: ArticleId): Promise<number> {
  return no();
}
