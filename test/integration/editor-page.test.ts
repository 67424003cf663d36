import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deactivateUser } from '../../src/services/accounts.js';
import { createDraft, loadArticle, saveArticle } from '../../src/services/edit-article.js';
import { editorPageContent } from '../../src/services/editor-page.js';
import { moveArticle } from '../../src/services/move-article.js';
import type { Database } from '../../src/services/database.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { describeEachDialect, openTestDatabase } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let database: Database;
  let staff: Staff;
  let clock: Date;
  const deps = () => ({ database, now: () => clock });

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    clock = new Date('2026-11-29T12:00:00Z');
    staff = await createStaff(database, () => clock);
  });
  afterEach(async () => {
    await database.close();
  });

  describe('the editor page content', () => {
    it('offers a new article every active user, no history, and no pending autosave', async () => {
      const page = await editorPageContent(deps(), staff.author, null);

      expect(page.users.map((u) => u.id).sort()).toEqual(
        Object.values(staff)
          .map((a) => a.id)
          .sort(),
      );
      expect(page).toMatchObject({
        events: [],
        isLead: false,
        editable: true,
        pendingAutosave: null,
      });
    });

    it('keeps a deactivated user only on the articles that already carry their byline', async () => {
      const id = await createDraft(deps(), staff.editor);
      await saveArticle(deps(), staff.editor, id, content([staff.editor.id, staff.contributor.id]));
      await deactivateUser(deps(), staff.contributor.id);

      const bylined = await editorPageContent(deps(), staff.editor, await loadArticle(deps(), id));
      const fresh = await editorPageContent(deps(), staff.editor, null);

      expect(bylined.users.map((u) => u.id)).toContain(staff.contributor.id);
      expect(fresh.users.map((u) => u.id)).not.toContain(staff.contributor.id);
    });

    it("shows the writer's own autosave of a published article, newer than its last save, and the workflow log", async () => {
      const id = await createDraft(deps(), staff.editor);
      await saveArticle(deps(), staff.editor, id, content([staff.editor.id]));
      await moveArticle(deps(), staff.editor, id, 'publish');
      clock = new Date('2026-11-29T12:05:00Z');
      await saveArticle(
        deps(),
        staff.editor,
        id,
        content([staff.editor.id], { headline: 'عنوان لم يُنشر بعد' }),
        { autosave: true },
      );
      const article = await loadArticle(deps(), id);

      const own = await editorPageContent(deps(), staff.editor, article);
      const other = await editorPageContent(deps(), staff.administrator, article);

      expect(own.pendingAutosave?.createdAt).toEqual(new Date('2026-11-29T12:05:00Z'));
      expect(other.pendingAutosave).toBeNull();
      expect(own.events.map((e) => [e.move, e.fromStatus, e.toStatus])).toEqual([
        ['publish', 'draft', 'published'],
      ]);
    });
  });
});
