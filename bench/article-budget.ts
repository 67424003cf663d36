/**
 * The budgets of issue 17 on a small test site (the seed, and an article
 * with a section, tag, byline and featured image), without the full bench's
 * 100,000 articles: the article pages' weight (HTML + CSS + JS, compressed,
 * without images and fonts; budget 30 KB) and Lighthouse mobile scores of
 * the article, home and section pages (budget 95 in each category).
 *
 *   npx tsx bench/article-budget.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trickySite } from '../test/helpers/tricky-article.js';
import { SEED_ID } from '../test/helpers/site.js';
import { measureLighthouse } from './lighthouse.js';
import { weighPage } from './page-weight.js';

const BUDGET_BYTES = 30 * 1024;

const site = await trickySite();
const scratch = mkdtempSync(join(tmpdir(), 'midad-budget-'));
try {
  const origin = await site.app.listen({ host: '127.0.0.1', port: 0 });
  const pages = {
    'article (seed)': `${origin}/a/${SEED_ID}`,
    'article (image, byline)': `${origin}${site.canonicalPath}`,
    home: `${origin}/`,
    section: `${origin}/section/${encodeURIComponent('صحة')}`,
  };
  for (const [name, url] of Object.entries(pages).slice(0, 2)) {
    for (const encoding of ['br', 'gzip']) {
      const weight = await weighPage(url, encoding);
      const files = weight.files.map((f) => `${f.url.slice(0, 40)} ${f.bytes}`).join(', ');
      const verdict = weight.total <= BUDGET_BYTES ? 'within' : 'OVER';
      console.log(`${name} ${encoding}: ${weight.total} bytes (${verdict} 30 KB): ${files}`);
    }
  }
  const scores = await measureLighthouse(Object.values(pages), scratch);
  for (const [name, url] of Object.entries(pages)) {
    const result = scores[url]!;
    console.log(`${name}: ${JSON.stringify(result.scores)}`);
    if (result.failing.length > 0) console.log(`  failing: ${result.failing.join('; ')}`);
    if (result.warnings.length > 0) console.log(`  warnings: ${result.warnings.join('; ')}`);
  }
} finally {
  await site.close();
  rmSync(scratch, { recursive: true, force: true });
}
