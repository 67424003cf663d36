import { describe, expect, it } from 'vitest';
import { AuthorRegistry, nicenameFromLogin } from './authors.js';

function registry(): AuthorRegistry {
  const authors = new AuthorRegistry();
  authors.addEntry(
    new Map([
      ['wp:author_id', '7'],
      ['wp:author_login', 'hala.n'],
      ['wp:author_nicename', 'hala-n'],
      ['wp:author_email', ' Hala@Example.COM '],
      ['wp:author_display_name', 'هالة نصر'],
    ]),
  );
  return authors;
}

describe('AuthorRegistry', () => {
  it('keys an author by login and takes the slug from the nicename when the export has one', () => {
    expect(registry().list()).toEqual([
      {
        key: 'hala.n',
        displayName: 'هالة نصر',
        email: 'hala@example.com',
        slug: 'hala-n',
        bio: '',
        oldPaths: ['/author/hala-n/', '/?author=7'],
      },
    ]);
  });

  it('lists each author page’s RSS and Atom feed, once each', () => {
    expect(registry().feeds()).toEqual([
      { oldPath: '/author/hala-n/feed/', of: { kind: 'author', key: 'hala.n' }, format: 'rss' },
      {
        oldPath: '/author/hala-n/feed/atom/',
        of: { kind: 'author', key: 'hala.n' },
        format: 'atom',
      },
    ]);
  });

  it('finds a Co-Authors Plus byline by login, then by the nicename after cap-', () => {
    const authors = registry();
    expect(authors.coauthor({ domain: 'author', nicename: 'cap-x', name: 'hala.n' })).toBe(
      'hala.n',
    );
    expect(authors.coauthor({ domain: 'author', nicename: 'cap-hala-n', name: 'هالة' })).toBe(
      'hala.n',
    );
    expect(authors.list()).toHaveLength(1);
  });

  it('makes a guest author of a byline it does not know, once', () => {
    const authors = registry();
    const term = {
      domain: 'author',
      nicename: 'cap-%d9%85%d8%b1%d8%a7%d8%b3%d9%84',
      name: 'مراسل',
    };
    expect(authors.coauthor(term)).toBe('مراسل');
    expect(authors.coauthor(term)).toBe('مراسل');
    expect(authors.list().map((a) => [a.key, a.slug, a.email])).toEqual([
      ['hala.n', 'hala-n', 'hala@example.com'],
      ['مراسل', 'مراسل', null],
    ]);
  });

  it('adds the author page WordPress made from a login with capitals or dots', () => {
    const authors = new AuthorRegistry();
    authors.addEntry(
      new Map([
        ['wp:author_login', 'Salma.H'],
        ['wp:author_id', '0'],
      ]),
    );
    expect(authors.list()[0]?.oldPaths).toEqual(['/author/Salma.H/', '/author/salma-h/']);
    expect(authors.feeds().map((feed) => feed.oldPath)).toEqual([
      '/author/Salma.H/feed/',
      '/author/Salma.H/feed/atom/',
      '/author/salma-h/feed/',
      '/author/salma-h/feed/atom/',
    ]);
    expect(nicenameFromLogin('ali@example.com')).toBe('aliexample-com');
    expect(nicenameFromLogin('سلمى')).toBe('');
  });

  it('adds the author of a dc:creator login it has not met', () => {
    const authors = registry();
    expect(authors.creator(' nizar ')).toBe('nizar');
    expect(authors.creator('')).toBeNull();
    expect(authors.has('nizar')).toBe(true);
  });
});

describe('AuthorRegistry display names', () => {
  it('strips markup typed into a display name or a dc:creator login', () => {
    const authors = new AuthorRegistry();
    authors.addEntry(
      new Map([
        ['wp:author_login', 'ali'],
        ['wp:author_display_name', '<b>Ali</b> <i>Hasan</i>'],
      ]),
    );
    authors.creator('<b>Nizar</b>');
    expect(authors.list().map((author) => [author.key, author.displayName])).toEqual([
      ['ali', 'Ali Hasan'],
      ['<b>Nizar</b>', 'Nizar'],
    ]);
  });
});
