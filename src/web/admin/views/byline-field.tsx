/**
 * The article's bylines, in order: the lead author first (issue 17,
 * part 9). Without JavaScript it is a row of single-choice lists, one per
 * place, so the order is what the editor sees and no Ctrl-click is needed;
 * the editor's script (byline-picker.ts) turns it into a searchable picker
 * of ordered names that can be moved up, down and removed, by mouse or
 * keyboard. Both submit `authorIds` once per name, in order.
 */
import { formatNumber } from '../../../arabic/digits.js';
import type { User } from '../../../domain/user.js';
import type { AdminContext } from '../admin-context.js';

/** Empty places offered after the chosen names, without JavaScript. */
const SPARE_SLOTS = 2;

export function BylineField(props: {
  ctx: AdminContext;
  users: User[];
  chosen: string[];
  error?: string | undefined;
}) {
  const { t, locale } = props.ctx;
  const slots = Math.min(props.users.length, Math.max(props.chosen.length + SPARE_SLOTS, 3));
  const labels = {
    search: t('admin.bylines.search'),
    noMatch: t('admin.bylines.noMatch'),
    chosen: t('admin.bylines.chosen'),
    lead: t('admin.bylines.lead'),
    moveUp: t('admin.bylines.moveUp'),
    moveDown: t('admin.bylines.moveDown'),
    remove: t('admin.bylines.remove'),
    added: t('admin.bylines.added'),
    removed: t('admin.bylines.removed'),
    moved: t('admin.bylines.moved'),
  };
  return (
    <fieldset
      class="field byline-picker"
      data-byline-picker
      data-labels={JSON.stringify(labels)}
      aria-describedby={props.error ? 'bylines-hint bylines-error' : 'bylines-hint'}
    >
      <legend>{t('admin.field.bylines')}</legend>
      <p class="field__hint" id="bylines-hint">
        {t('admin.hint.bylines')}
      </p>
      <div class="byline-picker__slots" data-byline-slots>
        {Array.from({ length: slots }, (_, index) => {
          const id = `field-byline-${index + 1}`;
          return (
            <div class="field byline-picker__slot">
              <label for={id}>
                {t('admin.bylines.slot', { position: formatNumber(index + 1, locale.numerals) })}
              </label>
              <select id={id} name="authorIds">
                <option value="">—</option>
                {props.users.map((u) => (
                  <option value={u.id} selected={props.chosen[index] === u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {props.error ? (
        <p class="field__error" id="bylines-error">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
