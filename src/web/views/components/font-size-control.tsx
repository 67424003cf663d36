/**
 * The reader's font-size control (`حجم الخط`): two real buttons drawn as
 * small icons, each named in text for screen readers, so it works with the
 * keyboard and a screen reader. The script public/assets/reader.js stores
 * the choice in localStorage; the head script applies it before first
 * paint. Hidden when JavaScript is off.
 */
import type { PageContext } from '../page-context.js';
import { Icon } from './icons.js';

export function FontSizeControl({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div class="font-size" role="group" aria-labelledby="font-size-label" data-font-size-control>
      <span id="font-size-label" class="visually-hidden">
        {t('article.fontSize')}
      </span>
      <button type="button" class="tool" data-font-step="1">
        <Icon name="larger" />
        <span class="visually-hidden">{t('article.fontLarger')}</span>
      </button>
      <button type="button" class="tool" data-font-step="-1">
        <Icon name="smaller" />
        <span class="visually-hidden">{t('article.fontSmaller')}</span>
      </button>
    </div>
  );
}
