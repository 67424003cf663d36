/**
 * The newsroom's rich-text editor. Every `[data-editor]` element becomes a
 * TipTap editor over the textarea named by its `data-target`: the editor
 * starts from the textarea's HTML and writes its HTML back on every change,
 * so a plain form POST submits it. The textarea may be rendered visible
 * (the form then works without JavaScript); the editor hides it.
 *
 * Markup it expects (rendered by the server):
 *   <form data-autosave-url="…" data-autosaved-label="…">
 *     <input type="hidden" name="_csrf" value="…">
 *     <div data-editor data-target="body_html" data-search-url="…"
 *          data-media-url="…" data-labels='{"bold":"غامق",…}'
 *          data-toolbar-omit="(optional: toolbar keys left out, e.g. h2 readAlso)"
 *          aria-labelledby="(optional: id of a visible label)"></div>
 *     <textarea name="body_html">…</textarea>
 *     <p data-autosave-status aria-live="polite"></p>
 *   </form>
 *
 * HTML it writes (and all it reads back): p, h2, h3, h4, strong, em,
 * a[href], ul, ol, li, blockquote, br, figure > img[src alt width height]
 * + figcaption (left out when empty), figure.embed[data-embed][data-url]
 * > a[href], and aside.read-also[data-article-id] > a[href].
 * `dir="auto"` is on every p and h2–h4, except that a li or blockquote
 * whose first child is a p or heading carries it instead of that child
 * (output.ts says why). No other attribute, class or style.
 *
 * Label keys read from data-labels (Arabic defaults in labels.ts):
 *   toolbar, paragraph, h2, h3, h4, bold, italic, link, bulletList,
 *   orderedList, blockquote, image, embed, readAlso, undo, redo,
 *   body, bodyPlaceholder, captionPlaceholder, insert, cancel,
 *   linkPrompt, linkInvalid, removeLink,
 *   embedPrompt, embedInvalid, providerYoutube, providerX, providerTelegram,
 *   imageDialogTitle, mediaLibrary, mediaLoading, mediaEmpty, mediaFailed,
 *   upload, uploading, uploadFailed, altText, caption, chooseImage, altRequired,
 *   readAlsoDialogTitle, search, searching, noResults, searchFailed,
 *   autosaved (only when the form has no data-autosaved-label), autosaveFailed.
 * The autosaved label gets the time (HH:MM) in its `{time}`, or after it.
 *
 * Keys: Ctrl/⌘+B, +I, +K (link), +Z, +Shift+Z; Alt+F10 goes to the
 * toolbar, Escape comes back.
 */
import { Editor, Extension, type JSONContent } from '@tiptap/core';
import { NodeSelection, TextSelection, type Selection } from '@tiptap/pm/state';
import { offerKeptCopy, watchForm } from './autosave.js';
import { mountBylinePicker } from './byline-picker.js';
import { mountFeaturedPicker } from './featured-picker.js';
import { mountLiveDesk } from './live-desk.js';
import css from './editor.css?inline';
import { parseEmbedUrl } from '../../../domain/embed-url.js';
import { articleExtensions } from './extensions.js';
import { csrfToken } from './http.js';
import { readLabels, type Labels } from './labels.js';
import { chooseMedia } from './media-dialog.js';
import { bodyHtml } from './output.js';
import { cleanPastedHtml } from './paste-cleaner.js';
import { chooseArticle } from './read-also-dialog.js';
import { linkHref } from './safe-url.js';
import { createToolbar, focusToolbar, type ToolbarActions } from './toolbar.js';
import { askUrl } from './url-dialog.js';

const watchedForms = new WeakSet<HTMLFormElement>();
let editorCount = 0;

function adoptStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * Inserts a block (figure, embed, read-also) at the top level of the
 * article: at the cursor in a paragraph (splitting it there), else after
 * the selected block or after the list, quotation or image the cursor is
 * in, so that inserting never replaces or breaks what is already there.
 * Then the cursor goes to the paragraph after it (a new one if none
 * follows), ready to write on.
 */
function insertBlock(editor: Editor, content: JSONContent): void {
  const { selection } = editor.state;
  const { $from } = selection;
  const at =
    $from.depth > 1 ? $from.after(1) : selection instanceof NodeSelection ? selection.to : null;
  // No chain().focus(): it focuses a frame later and would reset the selection over keys typed
  // meanwhile; focusNow below gives the keyboard back at once.
  const chain = editor.chain();
  (at === null ? chain.insertContent(content) : chain.insertContentAt(at, content))
    .command(({ tr }) => {
      const after = endOf(tr.selection, content.type ?? '');
      if (after === null) return true;
      if (tr.doc.resolve(after).nodeAfter?.isTextblock !== true) {
        tr.insert(after, editor.schema.nodes.paragraph!.create());
      }
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
      return true;
    })
    .scrollIntoView()
    .run();
  focusNow(editor);
}

/** Where the just-inserted block of type `type` that holds the selection ends. */
function endOf(selection: Selection, type: string): number | null {
  if (selection instanceof NodeSelection && selection.node.type.name === type) return selection.to;
  const { $to } = selection;
  for (let depth = $to.depth; depth > 0; depth--) {
    if ($to.node(depth).type.name === type) return $to.after(depth);
  }
  return null;
}

/**
 * TipTap's focus() waits for the next frame, then sets the selection it
 * remembered; after a dialog the keyboard must be back in the text at
 * once, or the keys typed before that frame are lost (seen in Chromium
 * 156, whose headless frames come late). The commands run on the
 * editor's selection without it, then this focuses at once.
 */
function focusNow(editor: Editor): void {
  editor.view.focus();
}

function dialogActions(editor: Editor, host: HTMLElement, labels: Labels): ToolbarActions {
  const form = host.closest('form');
  return {
    link: async () => {
      const current = editor.getAttributes('link').href as string | undefined;
      const answer = await askUrl(labels, {
        title: labels.link,
        label: labels.linkPrompt,
        value: current ?? '',
        check: (value) => (linkHref(value) === null ? labels.linkInvalid : null),
        ...(current === undefined ? {} : { remove: labels.removeLink }),
      });
      if (answer === null) return;
      if ('remove' in answer) {
        editor.chain().unsetLink().run();
        focusNow(editor);
        return;
      }
      const href = linkHref(answer.url) ?? '';
      if (editor.state.selection.empty && current === undefined) {
        editor
          .chain()
          .insertContent({
            type: 'text',
            text: answer.url,
            marks: [{ type: 'link', attrs: { href } }],
          })
          .run();
      } else {
        editor.chain().setLink(href).run();
      }
      focusNow(editor);
    },
    embed: async () => {
      const answer = await askUrl(labels, {
        title: labels.embed,
        label: labels.embedPrompt,
        value: '',
        check: (value) => (parseEmbedUrl(value) === null ? labels.embedInvalid : null),
      });
      const target = answer !== null && 'url' in answer ? parseEmbedUrl(answer.url) : null;
      if (target) insertBlock(editor, { type: 'embed', attrs: { ...target } });
    },
    image: async () => {
      const url = host.dataset.mediaUrl;
      if (!url) return;
      const choice = await chooseMedia(labels, { url, csrf: csrfToken(form) });
      if (choice === null) return;
      insertBlock(editor, {
        type: 'figure',
        content: [
          { type: 'figureImage', attrs: { ...choice.image } },
          {
            type: 'figcaption',
            content: choice.caption === '' ? [] : [{ type: 'text', text: choice.caption }],
          },
        ],
      });
    },
    readAlso: async () => {
      const url = host.dataset.searchUrl;
      if (!url) return;
      const target = await chooseArticle(labels, url);
      if (target) insertBlock(editor, { type: 'readAlso', attrs: { ...target } });
    },
  };
}

function mount(host: HTMLElement): void {
  const form = host.closest('form');
  const name = host.dataset.target ?? '';
  const textarea = (form ?? document).querySelector<HTMLTextAreaElement>(
    `textarea[name="${CSS.escape(name)}"]`,
  );
  if (textarea === null) {
    console.error(`[data-editor]: no textarea named "${name}"`);
    return;
  }
  const labels = readLabels(host.dataset.labels);
  const id = `midad-editor-${++editorCount}`;
  // A visible label the page gives the editor names the text box itself.
  const labelledBy = host.getAttribute('aria-labelledby');
  host.removeAttribute('aria-labelledby');
  const surface = document.createElement('div');
  surface.className = 'midad-editor__surface';
  host.classList.add('midad-editor');
  host.replaceChildren(surface);

  let actions: ToolbarActions | null = null;
  let toolbar: HTMLElement | null = null;
  const shortcuts = Extension.create({
    name: 'newsroomShortcuts',
    addKeyboardShortcuts: () => ({
      'Mod-k': () => {
        actions?.link();
        return true;
      },
      'Alt-F10': () => {
        if (toolbar) focusToolbar(toolbar);
        return true;
      },
    }),
  });

  const mediaUrl = host.dataset.mediaUrl;
  const chooseImage = mediaUrl
    ? async (current: { alt: string }) => {
        const choice = await chooseMedia(labels, { url: mediaUrl, csrf: csrfToken(form) }, current);
        return choice?.image ?? null;
      }
    : null;
  const editor = new Editor({
    element: surface,
    extensions: [...articleExtensions(labels, chooseImage), shortcuts],
    content: textarea.value,
    injectCSS: false,
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        ...(labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-label': labels.body }),
        spellcheck: 'true',
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: changed }) => {
      textarea.value = bodyHtml(changed);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    },
  });

  actions = dialogActions(editor, host, labels);
  // `data-toolbar-omit`: buttons a form does without (the live desk's: headings, read-also).
  const omit = new Set((host.dataset.toolbarOmit ?? '').split(/\s+/).filter(Boolean));
  toolbar = createToolbar(editor, labels, actions, omit);
  host.prepend(toolbar);
  textarea.hidden = true;
  // A copy restored from the browser: the editor shows its text (kept-copy.ts).
  form?.addEventListener('midad:restored', () => {
    editor.commands.setContent(textarea.value, { emitUpdate: false });
  });
  if (form && !watchedForms.has(form)) {
    watchedForms.add(form);
    watchForm(form, labels);
    offerKeptCopy(form, labels);
  }
  host.dataset.editorReady = 'true';
}

const hosts = document.querySelectorAll<HTMLElement>('[data-editor]');
if (hosts.length > 0) {
  adoptStyles();
  hosts.forEach(mount);
}
// The article form's pickers (issue 17): featured image, bylines.
document.querySelectorAll<HTMLElement>('[data-featured-picker]').forEach(mountFeaturedPicker);
document.querySelectorAll<HTMLElement>('[data-byline-picker]').forEach(mountBylinePicker);
// The live desk (issue 19): one-click posting and the list that follows the other writers.
mountLiveDesk();
