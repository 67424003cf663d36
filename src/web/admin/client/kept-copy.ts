/**
 * The copy of a form that the browser keeps until the server has saved it
 * (localStorage), so that a failed save (a full disk, a network cut, an
 * ended session) loses no text, even when the tab is closed.
 *
 * One copy per article: `midad:kept:<data-draft-key>` (`article:<id>`, or
 * `new` before a new article's first save), holding `{ keptAt, fields }`
 * with `keptAt` an ISO instant of the browser's clock and `fields` the
 * form as autosave sends it. The form's `data-saved-at` is when the server
 * last saved the article; a copy kept after it, and different from what
 * the form shows, is offered back when the editor opens.
 */
/** JSON for a form: one string per field, an array for a field that can repeat. */
export type FormJson = Record<string, string | string[]>;

/** A kept copy: when, and the form's fields. */
export interface KeptCopy {
  readonly keptAt: string;
  readonly fields: FormJson;
}

/** Fields that say nothing about the text: never compared nor restored. */
const NOT_CONTENT = new Set(['_csrf', 'version']);

/** The storage key of a form's copy, or null when the form has no draft key. */
export function keptCopyKey(form: HTMLFormElement): string | null {
  const key = form.dataset.draftKey;
  return key ? `midad:kept:${key}` : null;
}

/** The copy under `key`, or null when there is none (or it is unreadable, or storage is off). */
export function readKeptCopy(key: string): KeptCopy | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { keptAt, fields } = value as Record<string, unknown>;
    if (typeof keptAt !== 'string' || typeof fields !== 'object' || fields === null) return null;
    return { keptAt, fields: fields as FormJson };
  } catch {
    return null;
  }
}

/** Keeps `fields` under `key`; false when the browser refuses (storage full or turned off). */
export function keepCopy(key: string, fields: FormJson, at: Date = new Date()): boolean {
  try {
    localStorage.setItem(key, JSON.stringify({ keptAt: at.toISOString(), fields }));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the copy under `key`. */
export function dropKeptCopy(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage turned off: there is nothing to forget.
  }
}

/** True when the two forms hold the same content (the CSRF token and version aside). */
export function sameContent(a: FormJson, b: FormJson): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const name of names) {
    if (NOT_CONTENT.has(name)) continue;
    if (JSON.stringify(a[name] ?? '') !== JSON.stringify(b[name] ?? '')) return false;
  }
  return true;
}

/**
 * Puts a copy's fields back into the form: text fields, selects (several
 * values for a multiple one) and checkboxes or radios (checked when their
 * value is kept); several fields of one name take the kept values in
 * order. Fields the copy does not name are left as they are.
 */
export function fillForm(form: HTMLFormElement, fields: FormJson): void {
  // The n-th of several fields of one name (the byline's, in order) gets the n-th value.
  const seen = new Map<string, number>();
  for (const element of Array.from(form.elements)) {
    const control = element as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (!control.name || NOT_CONTENT.has(control.name) || !(control.name in fields)) continue;
    const kept = fields[control.name];
    const values = Array.isArray(kept) ? kept : [kept ?? ''];
    const index = seen.get(control.name) ?? 0;
    seen.set(control.name, index + 1);
    if (control instanceof HTMLInputElement && /^(checkbox|radio)$/.test(control.type)) {
      control.checked = values.includes(control.value);
    } else if (control instanceof HTMLSelectElement && control.multiple) {
      for (const option of Array.from(control.options))
        option.selected = values.includes(option.value);
    } else if (!(control instanceof HTMLInputElement && control.type === 'file')) {
      control.value = values[index] ?? '';
    }
  }
}
