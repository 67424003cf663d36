/**
 * How the editor draws an image with its caption (figure-node.ts): the
 * figure, and above the picture a row of tools shown while the figure is
 * selected (a click on the picture) or holds the cursor: alt text, caption,
 * replace and remove (issue 17, part 9). A picture without alt text is
 * marked, so the image a refused publish names (by its place) is easy to
 * find. The tools are outside the editable text (`contenteditable=false`),
 * so they never reach the article's HTML.
 */
import type { NodeViewRendererProps } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { ViewMutationRecord } from '@tiptap/pm/view';
import { element, openDialog, textField } from './dialog.js';
import type { Labels } from './labels.js';

/** A picture as the figure stores it (the attributes of its `<img>`). */
export interface FigureImageAttrs {
  readonly src: string;
  readonly alt: string;
  readonly width: number | null;
  readonly height: number | null;
}

export interface FigureOptions {
  labels: Labels | null;
  /** Opens the image dialog for a replacement; null when cancelled. editor.ts supplies it. */
  chooseImage: ((current: FigureImageAttrs) => Promise<FigureImageAttrs | null>) | null;
}

/** Asks for an image's alt text (required); null when cancelled. */
function askAlt(labels: Labels, current: string): Promise<string | null> {
  return new Promise((resolve) => {
    let answer: string | null = null;
    const frame = openDialog(labels, labels.altDialogTitle, {
      submit: labels.apply,
      className: 'midad-dialog--alt',
    });
    const { label, input } = textField(labels.altText, { value: current });
    input.required = true;
    input.setAttribute('aria-required', 'true');
    frame.body.append(label);
    input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
    frame.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim() === '') {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        frame.showError(labels.altRequired);
        return;
      }
      answer = input.value.trim();
      frame.dialog.close();
    });
    frame.dialog.addEventListener('close', () => resolve(answer));
    frame.dialog.showModal();
    input.select();
  });
}

export function figureView(props: NodeViewRendererProps, options: FigureOptions) {
  const { editor, getPos } = props;
  let node: PmNode = props.node;
  const labels = options.labels;
  const dom = document.createElement('figure');
  dom.className = 'midad-figure';
  const content = element('div', 'midad-figure__content');
  if (labels === null) {
    dom.append(content);
    return { dom, contentDOM: content };
  }

  const tools = element('div', 'midad-figure__tools');
  tools.contentEditable = 'false';
  tools.setAttribute('role', 'toolbar');
  tools.setAttribute('aria-label', labels.imageTools);
  const missingAlt = element('span', 'midad-figure__no-alt', labels.imageNoAlt);

  const at = (): number | null => {
    const pos = getPos();
    return typeof pos === 'number' ? pos : null;
  };
  const image = (): FigureImageAttrs => node.child(0).attrs as FigureImageAttrs;
  const setImage = (attrs: FigureImageAttrs): void => {
    const pos = at();
    if (pos === null) return;
    editor.view.dispatch(editor.state.tr.setNodeMarkup(pos + 1, undefined, { ...attrs }));
    editor.view.focus();
  };

  const tool = (text: string, run: () => void, danger = false): HTMLButtonElement => {
    const button = element(
      'button',
      `midad-figure__tool${danger ? ' midad-figure__tool--danger' : ''}`,
      text,
    );
    button.type = 'button';
    // Keep the figure selected: a mouse press on a tool must not move the selection.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', run);
    return button;
  };

  const editAlt = tool(labels.editAlt, () => {
    void askAlt(labels, image().alt).then((alt) => {
      if (alt !== null) setImage({ ...image(), alt });
    });
  });
  const editCaption = tool(labels.editCaption, () => {
    const pos = at();
    if (pos === null) return;
    const captionStart = pos + 1 + node.child(0).nodeSize;
    const end = captionStart + node.child(1).nodeSize - 1;
    editor.view.dispatch(
      editor.state.tr.setSelection(TextSelection.create(editor.state.doc, end)).scrollIntoView(),
    );
    editor.view.focus();
  });
  const replace = tool(labels.replaceImage, () => {
    const choose = options.chooseImage;
    if (!choose) return;
    void choose(image()).then((chosen) => {
      if (chosen !== null) setImage(chosen);
    });
  });
  const remove = tool(
    labels.removeImage,
    () => {
      const pos = at();
      if (pos === null) return;
      editor.view.dispatch(editor.state.tr.delete(pos, pos + node.nodeSize));
      editor.view.focus();
    },
    true,
  );
  tools.append(missingAlt, editAlt, editCaption);
  if (options.chooseImage) tools.append(replace);
  tools.append(remove);
  dom.append(tools, content);

  const refresh = (): void => {
    const blank = image().alt.trim() === '';
    dom.classList.toggle('midad-figure--no-alt', blank);
    missingAlt.hidden = !blank;
  };
  refresh();

  return {
    dom,
    contentDOM: content,
    update(updated: PmNode) {
      if (updated.type !== node.type) return false;
      node = updated;
      refresh();
      return true;
    },
    selectNode() {
      dom.classList.add('midad-figure--selected', 'ProseMirror-selectednode');
    },
    deselectNode() {
      dom.classList.remove('midad-figure--selected', 'ProseMirror-selectednode');
    },
    /** The tools' own events are theirs, not the editor's. */
    stopEvent(event: Event) {
      return event.target instanceof globalThis.Node && tools.contains(event.target);
    },
    ignoreMutation(mutation: ViewMutationRecord) {
      return tools.contains(mutation.target);
    },
  };
}
