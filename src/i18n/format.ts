/**
 * Message catalogues: whole sentences with named `{var}` placeholders,
 * one translator note per key (messages/*.json). Arabic is the site's
 * language; English exists for the newsroom.
 */
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

export type Language = 'ar' | 'en';
export type MessageKey = keyof typeof ar;

interface Entry {
  message: string;
  note: string;
}

const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, Entry>>>> = { ar, en };

/** A translator for one language. */
export type Translate = (
  key: MessageKey,
  vars?: Readonly<Record<string, string | number>>,
) => string;

/**
 * The translator for `language`. Placeholders missing from `vars` are left
 * as written so that the mistake shows; an unknown key returns the key. A
 * message without a `{` is returned as it is, unscanned: most of a page's
 * labels (an article page asks for some 40 messages; issue 21).
 * @example translator('ar')('article.readingTime', { duration: 'دقيقتان' }) === 'مدة القراءة: دقيقتان'
 */
export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, vars = {}) => {
    const message = catalogue[key]?.message ?? key;
    if (!message.includes('{')) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  };
}

/** Every key of every catalogue, for the completeness test. */
export function catalogueKeys(language: Language): string[] {
  return Object.keys(CATALOGUES[language]).sort();
}
