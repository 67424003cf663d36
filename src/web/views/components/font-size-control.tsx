/**
 * The reader's font-size control (`حجم الخط`): two real buttons, so it
 * works with the keyboard and screen readers. The script
 * public/assets/reader.js stores the choice in localStorage; the head
 * script applies it before first paint. Hidden when JavaScript is off.
 */
import type { PageContext } from '../page-context.js';

export function FontSizeControl({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div class="font-size" role="group" aria-labelledby="font-size-label" data-font-size-control>
      <span id="font-size-label">{t('article.fontSize')}</span>
      <button type="button" data-font-step="1" aria-label={t('article.fontLarger')}>
        <span aria-hidden="true">أ+</span>
      </button>
      <button type="button" data-font-step="-1" aria-label={t('article.fontSmaller')}>
        <span aria-hidden="true">أ−</span>
      </button>
    </div>
  );
}
