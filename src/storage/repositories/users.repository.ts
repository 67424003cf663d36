/**
 * Users: lookup, creation and updates. Users are never deleted.
 */
import type { Selectable, Transaction } from 'kysely';
import { isRole, type Role } from '../../domain/roles.js';
import { parseStoredLinks, serializeLinks, type AuthorLink } from '../../domain/author-links.js';
import type { AuthorProfile } from '../../domain/author-profile.js';
import type { PublicAuthor } from '../../domain/taxonomy.js';
import type { User, UserStatus } from '../../domain/user.js';
import { forUpdate } from '../dialects/row-locks.js';
import type { Schema, UsersTable } from '../tables/schema.js';
import type { Db } from '../db.js';
import { bindId, fromDate, toDate, toIdString, toInt } from './convert.js';
import { findMediaById, findMediaByIds } from './media.repository.js';

/** A user with the password hash, for sign-in only. */
export interface UserWithHash extends User {
  passwordHash: string;
}

function toUser(row: Selectable<UsersTable>): UserWithHash {
  if (!isRole(row.role)) throw new RangeError(`user ${String(row.id)} has an unknown role`);
  return {
    id: toIdString(row.id),
    email: row.email,
    displayName: row.display_name,
    slug: row.slug,
    role: row.role,
    status: row.status === 'deactivated' ? 'deactivated' : 'active',
    bio: row.bio,
    createdAt: toDate(row.created_at),
    passwordHash: row.password_hash,
  };
}

function withoutHash({ passwordHash: _hash, ...user }: UserWithHash): User {
  return user;
}

/** Number of users, whatever their status. */
export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toInt(row.n as bigint | number | string);
}

/**
 * Number of active users whose password hash is not `noPasswordHash` (the
 * mark of imported accounts): the users who can sign in.
 */
export async function countUsersWhoCanSignIn(db: Db, noPasswordHash: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'active')
    .where('password_hash', '!=', noPasswordHash)
    .executeTakeFirstOrThrow();
  return toInt(row.n as bigint | number | string);
}

/** Number of active administrators. */
export async function countActiveAdministrators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'administrator')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return toInt(row.n as bigint | number | string);
}

/**
 * The ids of the active administrators, by id, locked until the
 * transaction `trx` ends (PostgreSQL; SQLite writes one at a time): a
 * change that must leave one of them active decides on what it read here.
 */
export async function lockActiveAdministrators(trx: Transaction<Schema>): Promise<string[]> {
  const rows = await forUpdate(
    trx,
    trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'administrator')
      .where('status', '=', 'active')
      .orderBy('id'),
  ).execute();
  return rows.map((r) => toIdString(r.id));
}

/** The user with this (lower-cased) e-mail address, with the hash, or null. */
export async function findUserByEmail(db: Db, email: string): Promise<UserWithHash | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The user with this id, or null. */
export async function findUserById(db: Db, id: string): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  return row ? withoutHash(toUser(row)) : null;
}

/** The user with this slug, or null. */
export async function findUserBySlug(db: Db, slug: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? withoutHash(toUser(row)) : null;
}

/** Every user, administrators first, then by name. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('display_name').execute();
  return rows.map((r) => withoutHash(toUser(r)));
}

/** True when `slug` is taken by a user. */
export async function userSlugTaken(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export interface NewUser {
  email: string;
  displayName: string;
  slug: string;
  role: Role;
  passwordHash: string;
}

/** Inserts a user; returns it. Throws the driver's unique-constraint error on a taken e-mail. */
export async function insertUser(db: Db, user: NewUser, now: Date): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      display_name: user.displayName,
      slug: user.slug,
      role: user.role,
      status: 'active',
      password_hash: user.passwordHash,
      created_at: fromDate(now),
      updated_at: fromDate(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return withoutHash(toUser(row));
}

/** Changes what an administrator may change of a user. */
export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<{ status: UserStatus; role: Role; passwordHash: string; displayName: string }>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.role ? { role: changes.role } : {}),
      ...(changes.passwordHash ? { password_hash: changes.passwordHash } : {}),
      ...(changes.displayName ? { display_name: changes.displayName } : {}),
      updated_at: fromDate(now),
    })
    .where('id', '=', bindId(id))
    .execute();
}

/** Everyone with a byline on a published article (deactivated users too), by name. */
export async function listPublicAuthors(db: Db): Promise<PublicAuthor[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('article_authors', 'article_authors.user_id', 'users.id')
    .innerJoin('articles', 'articles.id', 'article_authors.article_id')
    .where('articles.status', '=', 'published')
    .select([
      'users.id',
      'users.slug',
      'users.display_name',
      'users.bio',
      'users.photo_media_id',
      (eb) => eb.fn.count('articles.id').as('n'),
    ])
    .groupBy(['users.id', 'users.slug', 'users.display_name', 'users.bio', 'users.photo_media_id'])
    .orderBy('users.display_name')
    .execute();
  const photos = await findMediaByIds(
    db,
    rows.flatMap((r) => (r.photo_media_id === null ? [] : [toIdString(r.photo_media_id)])),
  );
  return rows.map((r) => ({
    id: toIdString(r.id),
    slug: r.slug,
    displayName: r.display_name,
    bio: r.bio,
    photo: r.photo_media_id === null ? null : (photos.get(toIdString(r.photo_media_id)) ?? null),
    articles: toInt(r.n as bigint | number | string),
  }));
}

/**
 * The profile of the user with this id or slug (photo, bio, links), or null
 * when there is no such user. An id of no image reads as no photo.
 */
export async function findAuthorProfile(
  db: Db,
  by: { id: string } | { slug: string },
): Promise<AuthorProfile | null> {
  let query = db
    .selectFrom('users')
    .select(['id', 'display_name', 'slug', 'bio', 'links', 'photo_media_id']);
  query = 'id' in by ? query.where('id', '=', bindId(by.id)) : query.where('slug', '=', by.slug);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const photo =
    row.photo_media_id === null ? null : await findMediaById(db, toIdString(row.photo_media_id));
  return {
    userId: toIdString(row.id),
    displayName: row.display_name,
    slug: row.slug,
    photo,
    bio: row.bio,
    links: parseStoredLinks(row.links),
  };
}

/** Sets the profile of the user `id`: photo (a media id, or null), bio and links, as given. */
export async function updateAuthorProfile(
  db: Db,
  id: string,
  profile: { photoMediaId: string | null; bio: string; links: readonly AuthorLink[] },
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      photo_media_id: profile.photoMediaId === null ? null : bindId(profile.photoMediaId),
      bio: profile.bio,
      links: serializeLinks(profile.links),
      updated_at: fromDate(now),
    })
    .where('id', '=', bindId(id))
    .execute();
}

/** Sets only the photo of the user `id` (a media id, or null). */
export async function updateAuthorPhoto(
  db: Db,
  id: string,
  photoMediaId: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      photo_media_id: photoMediaId === null ? null : bindId(photoMediaId),
      updated_at: fromDate(now),
    })
    .where('id', '=', bindId(id))
    .execute();
}
