/**
 * The byline picker (issue 17, part 9). The server renders one
 * single-choice list per place in the byline (views/byline-field.tsx),
 * which works without JavaScript; this script replaces them with:
 *   - the chosen names in order, each with «قدّم», «أخّر» and «احذف»
 *     buttons, the first marked as the lead author, and one hidden
 *     `authorIds` field per name, in order;
 *   - a search box (ARIA combobox with a list box) that finds a person by
 *     any part of the name, Arabic spelling variants folded; ↑/↓ move in
 *     the list, Enter adds, Escape closes.
 * Each change is said in a polite live region.
 */
import { normalizeForSearch } from '../../../arabic/normalize.js';
import { fillIn } from './labels.js';

interface Person {
  readonly id: string;
  readonly name: string;
}

const DEFAULTS = {
  search: 'أضف اسماً إلى التوقيع',
  noMatch: 'لا أحد بهذا الاسم.',
  chosen: 'الأسماء في التوقيع بالترتيب',
  lead: 'الكاتب الرئيسي',
  moveUp: 'قدّم {name}',
  moveDown: 'أخّر {name}',
  remove: 'احذف {name} من التوقيع',
  added: 'أُضيف {name} إلى التوقيع.',
  removed: 'حُذف {name} من التوقيع.',
  moved: '{name} الآن في المكان {position}.',
};
type Words = typeof DEFAULTS;

function readWords(json: string | undefined): Words {
  try {
    const given: unknown = JSON.parse(json ?? '{}');
    return { ...DEFAULTS, ...(typeof given === 'object' && given !== null ? given : {}) };
  } catch {
    return DEFAULTS;
  }
}

let pickers = 0;

function make<K extends keyof HTMLElementTagNameMap>(
  name: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(name);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** Enhances one `[data-byline-picker]` fieldset. */
export function mountBylinePicker(fieldset: HTMLElement): void {
  const slots = fieldset.querySelector<HTMLElement>('[data-byline-slots]');
  const selects = Array.from(fieldset.querySelectorAll<HTMLSelectElement>('select'));
  const first = selects[0];
  if (!slots || !first) return;
  const words = readWords(fieldset.dataset.labels);
  const people: Person[] = Array.from(first.options)
    .filter((option) => option.value !== '')
    .map((option) => ({ id: option.value, name: option.text }));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  let chosen = selects.map((select) => select.value).filter((id) => id !== '');
  chosen = [...new Set(chosen)];

  const serial = ++pickers;
  const list = make('ol', 'byline-picker__list');
  list.setAttribute('aria-label', words.chosen);
  const search = make('div', 'byline-picker__search');
  const inputId = `byline-search-${serial}`;
  const label = make('label', 'byline-picker__label', words.search);
  label.htmlFor = inputId;
  const input = make('input', 'byline-picker__input');
  input.id = inputId;
  input.type = 'text';
  input.dir = 'auto';
  input.autocomplete = 'off';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  const options = make('ul', 'byline-picker__options');
  options.id = `byline-options-${serial}`;
  options.setAttribute('role', 'listbox');
  options.setAttribute('aria-label', words.search);
  options.hidden = true;
  input.setAttribute('aria-controls', options.id);
  const status = make('p', 'visually-hidden');
  status.setAttribute('aria-live', 'polite');
  search.append(label, input, options);
  slots.replaceWith(list, search, status);

  // Each change is said, and told to the form (autosave, the leave-page guard) as typing is.
  const say = (text: string) => {
    status.textContent = text;
    fieldset.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const render = (focus: { id: string; action: 'up' | 'down' | 'remove' } | null = null): void => {
    list.replaceChildren();
    chosen.forEach((id, index) => {
      const name = nameOf(id);
      const item = make('li', 'byline-picker__name');
      const hidden = make('input', '');
      hidden.type = 'hidden';
      hidden.name = 'authorIds';
      hidden.value = id;
      // The name, and under it (for the first) «الكاتب الرئيسي»: the buttons keep their row.
      const who = make('span', 'byline-picker__who');
      who.append(make('bdi', 'byline-picker__name-text', name));
      if (index === 0) who.append(make('span', 'byline-picker__lead', words.lead));
      item.append(hidden, who);
      const button = (
        symbol: string,
        template: string,
        action: 'up' | 'down' | 'remove',
        enabled: boolean,
      ) => {
        const tool = make('button', 'byline-picker__tool', symbol);
        tool.type = 'button';
        tool.dataset.action = action;
        tool.setAttribute('aria-label', fillIn(template, { name }));
        tool.title = fillIn(template, { name });
        tool.disabled = !enabled;
        tool.addEventListener('click', () => act(id, action));
        return tool;
      };
      item.append(
        button('↑', words.moveUp, 'up', index > 0),
        button('↓', words.moveDown, 'down', index < chosen.length - 1),
        button('×', words.remove, 'remove', true),
      );
      list.append(item);
    });
    if (focus) {
      // The keyboard stays on the name just moved (or on the search box once it is removed).
      const row = list.children[chosen.indexOf(focus.id)];
      const target =
        row?.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]:not(:disabled)`) ??
        row?.querySelector<HTMLButtonElement>('button:not(:disabled)') ??
        input;
      target.focus();
    }
  };

  const act = (id: string, action: 'up' | 'down' | 'remove'): void => {
    const at = chosen.indexOf(id);
    if (at < 0) return;
    if (action === 'remove') {
      chosen.splice(at, 1);
      render();
      input.focus();
      say(fillIn(words.removed, { name: nameOf(id) }));
      return;
    }
    const to = action === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= chosen.length) return;
    [chosen[at], chosen[to]] = [chosen[to]!, chosen[at]!];
    render({ id, action });
    say(fillIn(words.moved, { name: nameOf(id), position: String(to + 1) }));
  };

  let matches: Person[] = [];
  let active = -1;
  const close = (): void => {
    options.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index: number): void => {
    active = index;
    Array.from(options.children).forEach((option, i) =>
      option.setAttribute('aria-selected', String(i === index)),
    );
    const option = options.children[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (): void => {
    const query = normalizeForSearch(input.value.trim());
    matches = people.filter(
      (p) => !chosen.includes(p.id) && (query === '' || normalizeForSearch(p.name).includes(query)),
    );
    options.replaceChildren();
    if (matches.length === 0) {
      const none = make('li', 'byline-picker__option byline-picker__option--none', words.noMatch);
      none.setAttribute('role', 'option');
      none.setAttribute('aria-disabled', 'true');
      none.id = `${options.id}-none`;
      options.append(none);
    }
    matches.forEach((person, index) => {
      const option = make('li', 'byline-picker__option');
      option.setAttribute('role', 'option');
      option.id = `${options.id}-${index}`;
      option.setAttribute('aria-selected', 'false');
      option.append(make('bdi', '', person.name));
      // A press on an option must not blur the box before the click lands.
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => add(person));
      options.append(option);
    });
    options.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(matches.length > 0 && query !== '' ? 0 : -1);
  };
  const add = (person: Person): void => {
    if (!chosen.includes(person.id)) chosen.push(person.id);
    input.value = '';
    close();
    render();
    input.focus();
    say(fillIn(words.added, { name: person.name }));
  };

  input.addEventListener('input', open);
  input.addEventListener('focus', () => {
    if (input.value !== '') open();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (options.hidden) open();
        highlight(Math.min(active + 1, matches.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
        break;
      case 'Enter':
        // Enter chooses in the list; it never submits the article form from here.
        if (!options.hidden) {
          event.preventDefault();
          const person = matches[active];
          if (person) add(person);
        }
        break;
      case 'Escape':
        if (!options.hidden) {
          event.preventDefault();
          close();
        }
        break;
    }
  });
  // A copy restored from the browser (kept-copy.ts) has refilled the hidden fields: show them.
  fieldset.closest('form')?.addEventListener('midad:restored', () => {
    const restored = Array.from(
      list.querySelectorAll<HTMLInputElement>('input[name="authorIds"]'),
      (field) => field.value,
    ).filter((id) => people.some((p) => p.id === id));
    chosen = [...new Set(restored)];
    render();
  });
  render();
}
