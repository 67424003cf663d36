/**
 * An article's public notes (issue 19), oldest first, in a box under the
 * byline and date: «تصحيح: ورد في نسخة سابقة…», «تحديث: أضيفت تصريحات…»,
 * each with its time in the site's zone and digits. The box is `#notes`
 * (the corrections page links there).
 *
 * Placed at the top rather than after the body (where BBC and the NYT put
 * corrections): a reader should learn that a claim was corrected before
 * reading it, not after; a live page runs to hundreds of updates, so its
 * end is where nobody looks; and a page shared or quoted from its first
 * screen carries the correction with it. The box is small and sits below
 * the headline, so it does not push the story itself far down.
 */
import { formatDateTime } from '../../../arabic/dates.js';
import type { ArticleNote } from '../../../domain/article-note.js';
import type { PageContext } from '../page-context.js';

export function ArticleNotes({ ctx, notes }: { ctx: PageContext; notes: readonly ArticleNote[] }) {
  if (notes.length === 0) return null;
  const { t } = ctx;
  return (
    <section class="article-notes" id="notes" aria-labelledby="article-notes-heading">
      <h2 id="article-notes-heading" class="visually-hidden">
        {t('notes.heading')}
      </h2>
      <ol class="article-notes__list">
        {notes.map((note) => (
          <li
            key={note.id}
            class={`article-note article-note--${note.kind}`}
            id={`note-${note.id}`}
          >
            <strong class="article-note__kind">
              {t(note.kind === 'correction' ? 'notes.correction' : 'notes.update')}:
            </strong>{' '}
            <span class="article-note__text">{note.text}</span>{' '}
            <time class="article-note__time" datetime={note.createdAt.toISOString()}>
              (<bdi>{formatDateTime(note.createdAt, ctx.locale)}</bdi>)
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
