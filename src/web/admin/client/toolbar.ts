/**
 * The formatting toolbar: real buttons with the admin's labels as their
 * names, `aria-pressed` on toggles, one tab stop (arrow keys, Home and End
 * move between buttons, as in the ARIA toolbar pattern), wrapping onto
 * several rows on a phone.
 */
import type { Editor } from '@tiptap/core';
import { HEADING_LEVELS } from './extensions.js';
import { ICONS, iconElement } from './icons.js';
import type { Labels } from './labels.js';

type ButtonKey = keyof typeof ICONS;

interface Tool {
  readonly key: ButtonKey;
  readonly run: () => void;
  /** For toggles: whether the format is on at the cursor. */
  readonly active?: () => boolean;
  readonly enabled?: () => boolean;
}

/** The dialogs a few buttons open; editor.ts supplies them. */
export interface ToolbarActions {
  readonly link: () => void;
  readonly image: () => void;
  readonly embed: () => void;
  readonly readAlso: () => void;
}

/** True when the cursor is in an image caption, where block formats do not apply. */
export function inCaption(editor: Editor): boolean {
  return editor.isActive('figcaption');
}

function tools(editor: Editor, actions: ToolbarActions): Tool[][] {
  const chain = () => editor.chain().focus();
  const blockFormat = () => !inCaption(editor);
  const headings = HEADING_LEVELS.map((level): Tool => ({
    key: `h${level}`,
    run: () => chain().toggleHeading({ level }).run(),
    active: () => editor.isActive('heading', { level }),
    enabled: blockFormat,
  }));
  return [
    [
      {
        key: 'paragraph',
        run: () => chain().setParagraph().run(),
        active: () => editor.isActive('paragraph') && !editor.isActive('listItem'),
        enabled: blockFormat,
      },
      ...headings,
    ],
    [
      { key: 'bold', run: () => chain().toggleBold().run(), active: () => editor.isActive('bold') },
      {
        key: 'italic',
        run: () => chain().toggleItalic().run(),
        active: () => editor.isActive('italic'),
      },
      { key: 'link', run: actions.link, active: () => editor.isActive('link') },
    ],
    [
      {
        key: 'bulletList',
        run: () => chain().toggleBulletList().run(),
        active: () => editor.isActive('bulletList'),
        enabled: blockFormat,
      },
      {
        key: 'orderedList',
        run: () => chain().toggleOrderedList().run(),
        active: () => editor.isActive('orderedList'),
        enabled: blockFormat,
      },
      {
        key: 'blockquote',
        run: () => chain().toggleBlockquote().run(),
        active: () => editor.isActive('blockquote'),
        enabled: blockFormat,
      },
    ],
    [
      { key: 'image', run: actions.image },
      { key: 'embed', run: actions.embed },
      { key: 'readAlso', run: actions.readAlso },
    ],
    [
      { key: 'undo', run: () => chain().undo().run(), enabled: () => editor.can().undo() },
      { key: 'redo', run: () => chain().redo().run(), enabled: () => editor.can().redo() },
    ],
  ];
}

/**
 * The toolbar of `editor`, without the buttons named in `omit` (their
 * keys: `h2`, `readAlso`…); a group left empty is not drawn.
 */
export function createToolbar(
  editor: Editor,
  labels: Labels,
  actions: ToolbarActions,
  omit: ReadonlySet<string> = new Set(),
): HTMLElement {
  const toolbar = document.createElement('div');
  toolbar.className = 'midad-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', labels.toolbar);
  toolbar.setAttribute('aria-controls', editor.view.dom.id);
  const buttons: HTMLButtonElement[] = [];
  const refreshers: (() => void)[] = [];

  for (const all of tools(editor, actions)) {
    const group = all.filter((tool) => !omit.has(tool.key));
    if (group.length === 0) continue;
    const box = document.createElement('div');
    box.className = 'midad-toolbar__group';
    for (const tool of group) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `midad-toolbar__button midad-toolbar__button--${tool.key}`;
      button.setAttribute('aria-label', labels[tool.key]);
      button.title = labels[tool.key];
      button.tabIndex = buttons.length === 0 ? 0 : -1;
      button.append(iconElement(ICONS[tool.key]));
      // Keep the focus, and with it the selection and the phone's keyboard,
      // in the text while a button is pressed.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        readSelectionNow(editor);
        tool.run();
      });
      refreshers.push(() => {
        if (tool.active) button.setAttribute('aria-pressed', String(tool.active()));
        button.disabled = tool.enabled ? !tool.enabled() : false;
      });
      buttons.push(button);
      box.append(button);
    }
    toolbar.append(box);
  }

  toolbar.addEventListener('keydown', (event) => moveFocus(event, toolbar, buttons, editor));
  toolbar.addEventListener('focusin', (event) => {
    if (!(event.target instanceof HTMLButtonElement)) return;
    for (const button of buttons) button.tabIndex = button === event.target ? 0 : -1;
  });
  const refresh = () => {
    refreshers.forEach((update) => update());
    // The one tab stop must stay on a button that can take the focus.
    const stop = buttons.find((button) => button.tabIndex === 0);
    if (stop?.disabled) {
      const usable = buttons.find((button) => !button.disabled);
      if (usable) {
        stop.tabIndex = -1;
        usable.tabIndex = 0;
      }
    }
  };
  editor.on('transaction', refresh);
  editor.on('focus', refresh);
  refresh();
  return toolbar;
}

/**
 * Has ProseMirror read the browser's selection now, before a button acts
 * on it. ProseMirror reads it on the document's `selectionchange` event,
 * which the browser queues after the key that moved it (Shift+Home); on a
 * busy page the click on a button is handled first, so bold or a link
 * would act on the old selection (a link dialog then takes the focus, and
 * ProseMirror no longer reads it at all: the address was inserted as new
 * text instead of linking the selected words). ProseMirror's own key
 * handling reads the selection before a shortcut (Ctrl+B, Ctrl+K) for the
 * same reason; the event is the way to ask it to, as it keeps no public
 * method for this.
 */
function readSelectionNow(editor: Editor): void {
  editor.view.dom.ownerDocument.dispatchEvent(new Event('selectionchange'));
}

/** Puts the keyboard focus on the toolbar's current button. */
export function focusToolbar(toolbar: HTMLElement): void {
  toolbar.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
}

function moveFocus(
  event: KeyboardEvent,
  toolbar: HTMLElement,
  buttons: HTMLButtonElement[],
  editor: Editor,
): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    editor.commands.focus();
    return;
  }
  const usable = buttons.filter((button) => !button.disabled);
  const index = usable.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  const rtl = getComputedStyle(toolbar).direction === 'rtl';
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
  let next: number;
  switch (event.key) {
    case forward:
      next = (index + 1) % usable.length;
      break;
    case backward:
      next = (index - 1 + usable.length) % usable.length;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = usable.length - 1;
      break;
    default:
      return;
  }
  event.preventDefault();
  usable[next]?.focus();
}
