/**
 * Autosave and the unsaved-changes warning for a form holding an editor.
 *
 * A change (typing in the editor or in any field of the form) is saved 2 s
 * after the typing stops, and never more than 10 s after it was made even
 * while the typing goes on: `POST data-autosave-url` with the form's
 * fields as JSON and the CSRF token in `x-csrf-token`. The status line
 * shows the time of the last save, or that it failed. Until a change is
 * saved, by autosave or by submitting the form, leaving the page asks
 * first.
 */
import { csrfToken, field, requestJson } from './http.js';
import { fillIn, type Labels } from './labels.js';

const PAUSE_MS = 2_000;
const MAX_WAIT_MS = 10_000;
const RETRY_MS = 15_000;

/** JSON for a form: one string per field, an array for a field that can repeat. */
export type FormJson = Record<string, string | string[]>;

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

  const dirty = () => changes !== savedChanges && !submitted;

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
      const time = field(body, 'savedTime');
      if (status) {
        status.textContent =
          typeof time === 'string'
            ? fillInTime(savedLabel, time)
            : savedMessage(savedLabel, new Date());
      }
    } else {
      if (status) status.textContent = labels.autosaveFailed;
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
    if (typeof editUrl === 'string') history.replaceState(history.state, '', editUrl);
  };

  const changed = () => {
    changes++;
    submitted = false;
    clearTimeout(pause);
    pause = setTimeout(() => void save(), PAUSE_MS);
    deadline ??= setTimeout(() => void save(), MAX_WAIT_MS);
  };

  // Every field, and the editor through its textarea, fires `input`.
  form.addEventListener('input', changed);
  form.addEventListener('submit', () => {
    submitted = true;
    stopTimers();
  });
  window.addEventListener('beforeunload', (event) => {
    if (!dirty()) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  });
}
