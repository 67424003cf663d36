/**
 * The live desk's script (views/live-desk-page.tsx): one-click posting
 * and the list that follows the other writers.
 *
 * The composer (`form[data-live-composer]`) posts by fetch, as JSON with
 * the CSRF token in `x-csrf-token`, to its own `action`. Posted (201 with
 * `{ number, html }`): the update's list item goes to the top of
 * `[data-live-list]`, the composer empties (the editor too, through
 * `midad:restored`) and tells autosave.ts it was sent (`midad:sent`: no
 * leave warning, the browser's copy dropped), and the cursor is back in
 * the editor for the next one. Refused (`{ error: { message }, fields }`):
 * each field's message goes next to it and a summary above; nothing typed
 * is lost. Unreachable server: the status line says so, the text stays.
 *
 * `[data-live-desk][data-poll-url]` is asked every 10 s (while the tab is
 * visible) with `?since=<signature>`; when the desk changed it answers the
 * list's and the state card's HTML, which replace the old ones (an open
 * deletion confirmation stays open), and new updates by others are
 * announced in the status line.
 *
 * When the poll's `state` is not `live` (another editor ended the
 * coverage), or a post is refused with LIVE_NOT_STARTED, the composer is
 * closed: «نشر التحديث» is disabled and its status line says why (the
 * form's `data-ended-label`); what was typed stays. A later poll saying
 * `live` again (the coverage resumed) opens it. A change of state also
 * drops the success notice the page was loaded with («بدأت…»), which no
 * longer holds.
 */
import { formJson } from './autosave.js';
import { csrfToken, errorMessage, field, requestJson } from './http.js';

const POLL_MS = 10_000;

/** The desk's texts, read from the composer's data attributes (server's catalogue). */
interface DeskTexts {
  posting: string;
  posted: string;
  failed: string;
  arrived: string;
}

function textsOf(element: HTMLElement | null): DeskTexts {
  const data = element?.dataset ?? {};
  return {
    posting: data.postingLabel ?? '…',
    posted: data.postedLabel ?? '',
    failed: data.failedLabel ?? '',
    arrived: data.arrivedLabel ?? '',
  };
}

/** Parses one server-rendered list item. */
function itemFrom(html: string): HTMLElement | null {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  const item = template.content.firstElementChild;
  return item instanceof HTMLElement ? item : null;
}

/** The numbers of the updates in the list. */
function numbersIn(list: Element): Set<string> {
  return new Set(
    Array.from(list.querySelectorAll<HTMLElement>('[data-number]')).map(
      (li) => li.dataset.number ?? '',
    ),
  );
}

/** Shows the count of updates (`text`: the server's, in the site's digits) and hides «no updates» when there are some. */
function setTotal(desk: ParentNode, total: number, text: string | null): void {
  const count = desk.querySelector('[data-live-total]');
  if (count && text !== null) count.textContent = text;
  const empty = desk.querySelector<HTMLElement>('[data-live-empty]');
  if (empty) empty.hidden = total > 0;
}

/** Clears the field errors and summary the last refusal put in `form`. */
function clearErrors(form: HTMLFormElement): void {
  form.querySelector('[data-live-errors]')?.replaceChildren();
  for (const input of Array.from(form.querySelectorAll('[aria-invalid="true"]'))) {
    input.removeAttribute('aria-invalid');
  }
  for (const error of Array.from(form.querySelectorAll<HTMLElement>('.field__error'))) {
    error.textContent = '';
    error.hidden = true;
  }
}

/**
 * Says a refusal: `fields` (`headline`, `body_html`) next to each field
 * (the body's under the editor), and `message` in a summary above.
 */
function showErrors(form: HTMLFormElement, message: string, fields: Record<string, string>): void {
  clearErrors(form);
  const summary = document.createElement('p');
  summary.className = 'form-error';
  summary.setAttribute('role', 'alert');
  summary.textContent = message;
  form.querySelector('[data-live-errors]')?.replaceChildren(summary);
  for (const [name, text] of Object.entries(fields)) {
    const input = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (!input || typeof text !== 'string') continue;
    const id = `${input.id}-error`;
    let error = document.getElementById(id);
    if (!error) {
      error = document.createElement('p');
      error.className = 'field__error';
      error.id = id;
      input.closest('.field')?.append(error);
    }
    error.textContent = text;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    const described = new Set((input.getAttribute('aria-describedby') ?? '').split(' '));
    described.add(id);
    input.setAttribute('aria-describedby', [...described].filter(Boolean).join(' '));
    // The editor's text box says it too.
    const box = name === 'body_html' ? form.querySelector('.ProseMirror') : null;
    box?.setAttribute('aria-invalid', 'true');
    box?.setAttribute('aria-describedby', id);
  }
}

/** Empties the composer after a post: fields, marks, the editor; autosave.ts is told it was sent. */
function emptyComposer(form: HTMLFormElement): void {
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLInputElement && element.type === 'checkbox') element.checked = false;
    else if (element instanceof HTMLInputElement && element.type === 'text') element.value = '';
    else if (element instanceof HTMLTextAreaElement) element.value = '';
  }
  form.dispatchEvent(new Event('midad:restored'));
  form.dispatchEvent(new Event('midad:sent'));
}

/** True while the composer is closed because the coverage is not live (`data-live-closed`). */
function isClosed(form: HTMLFormElement): boolean {
  return form.dataset.liveClosed !== undefined;
}

/**
 * Opens or closes the composer as the coverage is live or not: closed,
 * its submit button is disabled and the status line says the reason (the
 * form's `data-ended-label`); opened again, both are cleared. The typed
 * text is never touched.
 */
export function setComposerOpen(form: HTMLFormElement, open: boolean): void {
  if (open !== isClosed(form)) return;
  const button = form.querySelector<HTMLButtonElement>('[data-live-submit]');
  const status = form.querySelector<HTMLElement>('[data-live-status]');
  if (open) delete form.dataset.liveClosed;
  else form.dataset.liveClosed = '';
  if (button) button.disabled = !open;
  if (status) status.textContent = open ? '' : (form.dataset.endedLabel ?? '');
}

/** Makes the composer post by fetch; returns the numbers this page posted (not announced as others'). */
function mountComposer(
  form: HTMLFormElement,
  desk: HTMLElement | null,
  posted: Set<string>,
  refresh: () => Promise<void>,
): void {
  const texts = textsOf(form);
  const status = form.querySelector<HTMLElement>('[data-live-status]');
  const button = form.querySelector<HTMLButtonElement>('[data-live-submit]');
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending || isClosed(form)) return;
    sending = true;
    if (button) button.disabled = true;
    if (status) status.textContent = texts.posting;
    void (async () => {
      try {
        const answer = await requestJson(form.action, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken(form) },
          body: JSON.stringify(formJson(form)),
        });
        const html = field(answer.body, 'html');
        const number = field(answer.body, 'number');
        if (answer.ok && typeof html === 'string' && typeof number === 'number') {
          posted.add(String(number));
          const list = desk?.querySelector('[data-live-list]');
          const item = itemFrom(html);
          if (list && item && !numbersIn(list).has(String(number))) {
            list.prepend(item);
            setTotal(desk ?? document, list.querySelectorAll('[data-number]').length, null);
          }
          // The count, and anything others posted meanwhile, at once.
          void refresh();
          clearErrors(form);
          emptyComposer(form);
          if (status) status.textContent = texts.posted;
          form.querySelector<HTMLElement>('.ProseMirror')?.focus();
          return;
        }
        if (field(field(answer.body, 'error'), 'code') === 'LIVE_NOT_STARTED') {
          // Ended under us: say so where the button is, keep the text, show the new state.
          clearErrors(form);
          setComposerOpen(form, false);
          void refresh();
          form.dispatchEvent(new Event('input', { bubbles: true }));
          return;
        }
        const message = errorMessage(answer.body) ?? texts.failed;
        const fields = field(answer.body, 'fields');
        showErrors(
          form,
          message,
          typeof fields === 'object' && fields !== null ? (fields as Record<string, string>) : {},
        );
        if (status) status.textContent = answer.status === 0 ? texts.failed : message;
        // Not sent: leaving the page asks again, and the browser keeps its copy.
        form.dispatchEvent(new Event('input', { bubbles: true }));
      } finally {
        sending = false;
        if (button) button.disabled = isClosed(form);
      }
    })();
  });
}

/**
 * Polls the desk for other writers' updates and state changes every
 * POLL_MS; returns the poll, to ask at once (after a post).
 */
function pollDesk(
  desk: HTMLElement,
  form: HTMLFormElement | null,
  posted: Set<string>,
): () => Promise<void> {
  const url = desk.dataset.pollUrl;
  if (!url) return async () => {};
  const texts = textsOf(form ?? desk);
  let busy = false;
  const poll = async () => {
    if (busy || document.visibilityState === 'hidden') return;
    busy = true;
    try {
      const since = encodeURIComponent(desk.dataset.signature ?? '');
      const answer = await requestJson(`${url}?since=${since}`);
      if (!answer.ok || field(answer.body, 'changed') !== true) return;
      const signature = field(answer.body, 'signature');
      const listHtml = field(answer.body, 'listHtml');
      const stateHtml = field(answer.body, 'stateHtml');
      const total = field(answer.body, 'total');
      const totalText = field(answer.body, 'totalText');
      const state = field(answer.body, 'state');
      if (form) setComposerOpen(form, state === 'live');
      const stateName = typeof state === 'string' ? state : 'none';
      if (stateName !== desk.dataset.state) {
        // «بدأت…» or «انتهت…» from this page's load no longer holds: drop it.
        for (const notice of Array.from(document.querySelectorAll('.notice--success'))) {
          notice.remove();
        }
        desk.dataset.state = stateName;
      }
      if (typeof signature === 'string') desk.dataset.signature = signature;
      const list = desk.querySelector('[data-live-list]');
      if (list && typeof listHtml === 'string') {
        const before = numbersIn(list);
        const open = new Set(
          Array.from(list.querySelectorAll<HTMLElement>('[data-number]'))
            .filter((li) => li.querySelector('details[open]') !== null)
            .map((li) => li.dataset.number),
        );
        const template = document.createElement('template');
        template.innerHTML = listHtml;
        for (const li of Array.from(
          template.content.querySelectorAll<HTMLElement>('[data-number]'),
        )) {
          if (open.has(li.dataset.number)) li.querySelector('details')?.setAttribute('open', '');
        }
        list.replaceChildren(template.content);
        const arrived = [...numbersIn(list)].filter((n) => !before.has(n) && !posted.has(n));
        const status = document.querySelector<HTMLElement>('[data-live-poll-status]');
        if (arrived.length > 0 && status) status.textContent = texts.arrived;
      }
      const card = document.querySelector('[data-live-state]');
      if (card && typeof stateHtml === 'string') card.innerHTML = stateHtml;
      if (typeof total === 'number') {
        setTotal(desk, total, typeof totalText === 'string' ? totalText : null);
      }
    } finally {
      busy = false;
    }
  };
  setInterval(() => void poll(), POLL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void poll();
  });
  return poll;
}

/** Mounts the desk's script on a page that has a live desk; does nothing elsewhere. */
export function mountLiveDesk(): void {
  const desk = document.querySelector<HTMLElement>('[data-live-desk]');
  const form = document.querySelector<HTMLFormElement>('form[data-live-composer]');
  const posted = new Set<string>();
  const refresh = desk ? pollDesk(desk, form, posted) : async () => {};
  if (form) mountComposer(form, desk, posted, refresh);
}
