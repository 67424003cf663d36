/**
 * The database handle that the web layer, the importers and the CLI hold
 * and hand to services. Named here so that they never name storage:
 * imports only point downhill (web/importers → services → storage).
 */
export type { Database } from '../storage/database.js';
