/**
 * Newsroom fixtures: a database with one user of each role, and article
 * content to save.
 */
import type { ArticleContent } from '../../src/domain/editable-article.js';
import type { Actor, Role } from '../../src/domain/roles.js';
import { hashPassword } from '../../src/lib/password-hash.js';
import type { Database } from '../../src/storage/database.js';
import { insertUser } from '../../src/storage/repositories/users.repository.js';

export type Staff = Record<Role, Actor>;

/** Argon2id hashes are slow on purpose: hash each role's password once per test run. */
const HASHES = new Map<Role, Promise<string>>();
const hashFor = (role: Role): Promise<string> => {
  if (!HASHES.has(role)) HASHES.set(role, hashPassword(`${role} password 1`));
  return HASHES.get(role) as Promise<string>;
};

/** Creates one active user per role; passwords are `<role> password 1`. */
export async function createStaff(database: Database, now: () => Date): Promise<Staff> {
  const staff: Partial<Staff> = {};
  const names: Record<Role, string> = {
    contributor: 'مساهمة نشيطة',
    author: 'كاتب الأخبار',
    editor: 'محرر الصفحة الأولى',
    administrator: 'مديرة الموقع',
  };
  for (const role of ['administrator', 'editor', 'author', 'contributor'] as const) {
    const user = await insertUser(
      database.db,
      {
        email: `${role}@news.example`,
        displayName: names[role],
        slug: names[role].replace(/ /g, '-'),
        role,
        passwordHash: await hashFor(role),
      },
      now(),
    );
    staff[role] = { id: user.id, role };
  }
  return staff as Staff;
}

/** Publishable content with an Arabic headline and a mixed Arabic/English paragraph. */
export function content(authorIds: string[], over: Partial<ArticleContent> = {}): ArticleContent {
  return {
    headline: 'أبل تعلن عن iPhone 15 في 12 مارس',
    excerpt: '',
    bodyHtml: '<p dir="auto">أعلنت شركة Apple يوم 12 مارس عن iPhone 15 الجديد.</p>',
    slug: null,
    seoTitle: '',
    seoDescription: '',
    sectionId: null,
    tags: ['تقنية', 'هواتف'],
    authorIds,
    featuredMediaId: null,
    featuredCaption: '',
    featuredCredit: '',
    ...over,
  };
}
