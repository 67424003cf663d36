import { openDatabase } from '/work/wt-lead/src/storage/database.js';
import { importFiles } from '/work/wt-lead/src/importers/import-files.js';
import { siteReportSummary, siteReportDetails } from '/work/wt-lead/src/cli/site-report-lines.js';
const database = await openDatabase({ file: process.argv[2]! });
const outcomes = await importFiles({ database, now: () => new Date() }, process.argv.slice(3), {
  timeZone: 'Asia/Damascus', date: undefined,
  site: { postTypes: [], viewsMetaKeys: [], dryRun: false, images: () => null },
});
for (const o of outcomes) {
  if (o.report) { console.log(siteReportSummary(o.file, o.report).join('\n')); console.log(siteReportDetails(o.file, o.report).join('\n')); }
  else console.log(o.line);
}
const rows = await database.db.selectFrom('articles').select(['id','kind','status','slug','headline','view_count','published_at']).execute();
console.table(rows);
console.log((await database.db.selectFrom('articles').select('body_html').where('id','=',BigInt(rows[0]!.id as any)).executeTakeFirst())?.body_html);
await database.close();
