import { fillDatabase } from './fill.js';
const fill = await fillDatabase({ file: '/tmp/b100k.db' }, '/work/shared/corpus/articles.jsonl', 100_000, (s) => console.log(s));
await fill.database.close();
