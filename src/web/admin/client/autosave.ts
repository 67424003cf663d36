/**
 * Autosave and the unsaved-changes warning for a form holding an editor.
 *
 * A change (typing in the editor or in any field of the form) is saved 2 s
 * after the typing stops, and never more than 10 s after it was made even
 * while the typing goes on: `POST data-autosave-url` with the form's
 * fields as JSON and the CSRF token in `x-csrf-token`. The status line
 * shows the time of the last save, or that it failed. Until a change is
 * saved, by autosave or by submitting the form, leaving the page asks
 * first, and the browser keeps a copy of the form (kept-copy.ts): the
 * status line of a failed save shows the server's reason and says so. When
 * the editor opens with a kept copy newer than the saved article, it
 * offers to restore it. A form that a script sent (the live desk's
 * composer) says so with a `midad:sent` event: its changes count as saved
 * and the browser's copy is dropped.
 */
import { csrfToken, errorMessage, field, requestJson } from './http.js';
import {
  dropKeptCopy,
  fillForm,
  keepCopy,
  keptCopyKey,
  readKeptCopy,
  sameContent,
  type FormJson,
  type KeptCopy,
} from './kept-copy.js';
import { fillIn, type Labels } from './labels.js';

const PAUSE_MS = 2_000;
const MAX_WAIT_MS = 10_000;
const RETRY_MS = 15_000;
/** How long after a change the browser's copy is refreshed. */
const KEEP_MS = 300;

/**
 * The form's fields as JSON. A name is an array when it appears more than
 * once, ends in `[]`, or belongs to several checkboxes or a multiple
 * select, so that its type never depends on how many boxes are ticked.
 * Files are left out.
 */
export function formJson(form: HTMLFormElement): FormJson {
  const json: FormJson = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string') continue;
    const previous = json[name];
    if (previous === undefined) json[name] = repeats(form, name) ? [value] : value;
    else if (Array.isArray(previous)) previous.push(value);
    else json[name] = [previous, value];
  }
  return json;
}

function repeats(form: HTMLFormElement, name: string): boolean {
  if (name.endsWith('[]')) return true;
  const controls = Array.from(form.elements).filter(
    (control) => (control as HTMLInputElement).name === name,
  );
  const checkboxes = controls.filter(
    (control) => control instanceof HTMLInputElement && control.type === 'checkbox',
  );
  return (
    checkboxes.length > 1 ||
    controls.some((control) => control instanceof HTMLSelectElement && control.multiple)
  );
}

/** HH:MM in the browser's time zone, with Western digits. */
export function clockTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The status after a save: the label with `{time}` filled in, or, for a
 * label written to be followed by the time ("Draft autosaved at"), the
 * label and the time.
 *
 * @example savedMessage('حُفظت المسودة تلقائياً في', new Date(2025, 2, 12, 10, 42)) // '… في 10:42'
 */
export function savedMessage(label: string, date: Date): string {
  return fillInTime(label, clockTime(date));
}

/** The saved label with `time` (the server's HH:MM in the site's time zone, or the browser's). */
function fillInTime(label: string, time: string): string {
  return label.includes('{time}') ? fillIn(label, { time }) : `${label} ${time}`;
}

/** Watches a form's changes; call once per form. */
export function watchForm(form: HTMLFormElement, labels: Labels): void {
  let url = form.dataset.autosaveUrl;
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  const savedLabel = form.dataset.autosavedLabel || labels.autosaved;
  let changes = 0;
  let savedChanges = 0;
  let submitted = false;
  let saving = false;
  let again = false;
  let pause: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let keeping: ReturnType<typeof setTimeout> | undefined;
  let keepKey = keptCopyKey(form);

  const dirty = () => changes !== savedChanges && !submitted;

  /** Refreshes the browser's copy of the form; false when there is none. */
  const keepNow = (): boolean => {
    clearTimeout(keeping);
    keeping = undefined;
    return keepKey !== null && keepCopy(keepKey, formJson(form));
  };

  const stopTimers = () => {
    clearTimeout(pause);
    clearTimeout(deadline);
    pause = deadline = undefined;
  };

  const save = async (): Promise<void> => {
    stopTimers();
    if (url === undefined || url === '' || !dirty()) return;
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    const sending = changes;
    const kept = keepNow();
    const {
      ok,
      status: code,
      body,
    } = await requestJson(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken(form) },
      body: JSON.stringify(formJson(form)),
    });
    saving = false;
    if (ok) {
      savedChanges = Math.max(savedChanges, sending);
      adoptDraft(body);
      // Saved up to the last change: the copy is no longer needed.
      if (keepKey !== null && savedChanges === changes) dropKeptCopy(keepKey);
      const time = field(body, 'savedTime');
      if (status) {
        status.textContent =
          typeof time === 'string'
            ? fillInTime(savedLabel, time)
            : savedMessage(savedLabel, new Date());
      }
    } else {
      if (status) {
        const reason = errorMessage(body) ?? labels.autosaveFailed;
        status.textContent = kept ? `${reason} ${labels.keptInBrowser}` : reason;
      }
      // A server or network failure may pass; a refusal (4xx) waits for the next change.
      if ((code === 0 || code >= 500) && deadline === undefined) {
        deadline = setTimeout(() => void save(), RETRY_MS);
      }
    }
    if (again) {
      again = false;
      void save();
    }
  };

  /**
   * A new article's first autosave creates its draft: the answer names the
   * draft's addresses, and the form saves there from then on.
   */
  const adoptDraft = (body: unknown) => {
    const action = field(body, 'action');
    const next = field(body, 'autosaveUrl');
    const editUrl = field(body, 'editUrl');
    if (typeof action !== 'string' || typeof next !== 'string') return;
    form.action = action;
    form.dataset.autosaveUrl = next;
    url = next;
    // From now on the copy belongs to the new article.
    const id = field(body, 'id');
    if (typeof id === 'string' && keepKey !== null) {
      dropKeptCopy(keepKey);
      form.dataset.draftKey = `article:${id}`;
      keepKey = keptCopyKey(form);
      if (changes !== savedChanges) keepNow();
    }
    if (typeof editUrl === 'string') history.replaceState(history.state, '', editUrl);
  };

  const changed = () => {
    changes++;
    submitted = false;
    clearTimeout(keeping);
    keeping = setTimeout(keepNow, KEEP_MS);
    clearTimeout(pause);
    pause = setTimeout(() => void save(), PAUSE_MS);
    deadline ??= setTimeout(() => void save(), MAX_WAIT_MS);
  };

  // Every field, and the editor through its textarea, fires `input`.
  form.addEventListener('input', changed);
  // Sent by a script instead of submitted (the live desk's composer): all is saved.
  form.addEventListener('midad:sent', () => {
    stopTimers();
    clearTimeout(keeping);
    keeping = undefined;
    savedChanges = changes;
    submitted = false;
    if (keepKey !== null) dropKeptCopy(keepKey);
  });
  form.addEventListener('submit', () => {
    submitted = true;
    stopTimers();
    // Kept until the page after the save finds the same text saved.
    if (changes !== savedChanges) keepNow();
  });
  window.addEventListener('beforeunload', (event) => {
    if (keeping !== undefined) keepNow();
    if (!dirty()) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  });
}

/**
 * Looks for a copy of the form kept by an earlier visit: the same content
 * as the form is forgotten; a copy older than the article's last save
 * (`data-saved-at`) is forgotten too; a newer one is offered back, above
 * the form. Restoring fills the form, tells the editors (`midad:restored`
 * on the form, after which each reloads its textarea), and counts as a
 * change, so autosave saves it.
 */
export function offerKeptCopy(form: HTMLFormElement, labels: Labels): void {
  const key = keptCopyKey(form);
  const copy = key === null ? null : readKeptCopy(key);
  if (key === null || copy === null) return;
  const savedAt = Date.parse(form.dataset.savedAt ?? '');
  if (sameContent(copy.fields, formJson(form)) || Date.parse(copy.keptAt) <= savedAt) {
    dropKeptCopy(key);
    return;
  }
  form.prepend(restoreOffer(form, key, copy, labels));
}

function restoreOffer(
  form: HTMLFormElement,
  key: string,
  copy: KeptCopy,
  labels: Labels,
): HTMLElement {
  const box = document.createElement('div');
  box.className = 'kept-copy';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = fillIn(labels.keptOffer, { time: clockTime(new Date(copy.keptAt)) });
  const restore = document.createElement('button');
  restore.type = 'button';
  restore.textContent = labels.restoreKept;
  restore.addEventListener('click', () => {
    fillForm(form, copy.fields);
    form.dispatchEvent(new Event('midad:restored'));
    form.dispatchEvent(new Event('input', { bubbles: true }));
    box.remove();
  });
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.textContent = labels.discardKept;
  discard.addEventListener('click', () => {
    dropKeptCopy(key);
    box.remove();
  });
  box.append(text, restore, discard);
  return box;
}
