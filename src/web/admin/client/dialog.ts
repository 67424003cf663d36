/**
 * The frame of the editor's dialogs: a modal `<dialog>` appended to the
 * body (outside the article form, so its fields are never submitted or
 * autosaved), with a title, a status line, an error line and the
 * insert/cancel buttons. It is removed from the page when it closes.
 */
import type { Labels } from './labels.js';

export interface DialogFrame {
  readonly dialog: HTMLDialogElement;
  readonly form: HTMLFormElement;
  /** Where the dialog's own fields go, above the status line. */
  readonly body: HTMLElement;
  showStatus(text: string): void;
  showError(text: string): void;
}

let serial = 0;

export function openDialog(
  labels: Labels,
  title: string,
  options: { submit: string | null; className: string },
): DialogFrame {
  const id = `midad-dialog-${++serial}`;
  const dialog = element('dialog', `midad-dialog ${options.className}`);
  dialog.setAttribute('aria-labelledby', id);
  const form = element('form', 'midad-dialog__form');
  form.noValidate = true;
  const heading = element('h2', 'midad-dialog__title', title);
  heading.id = id;
  const body = element('div', 'midad-dialog__body');
  const status = element('p', 'midad-dialog__status');
  status.setAttribute('role', 'status');
  const error = element('p', 'midad-dialog__error');
  error.setAttribute('role', 'alert');
  const actions = element('div', 'midad-dialog__actions');
  if (options.submit !== null) {
    const submit = element('button', 'midad-button midad-button--primary', options.submit);
    submit.type = 'submit';
    actions.append(submit);
  }
  const cancel = element('button', 'midad-button', labels.cancel);
  cancel.type = 'button';
  cancel.addEventListener('click', () => dialog.close());
  actions.append(cancel);
  form.append(heading, body, status, error, actions);
  dialog.append(form);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  return {
    dialog,
    form,
    body,
    showStatus: (text) => {
      status.textContent = text;
    },
    showError: (text) => {
      error.textContent = text;
    },
  };
}

/** A labelled text field: `<label>text<input></label>`. */
export function textField(
  label: string,
  attributes: Partial<Pick<HTMLInputElement, 'type' | 'dir' | 'inputMode' | 'value'>> = {},
): { label: HTMLLabelElement; input: HTMLInputElement } {
  const wrapper = element('label', 'midad-field', label);
  const input = element('input', 'midad-field__input');
  input.type = attributes.type ?? 'text';
  input.dir = attributes.dir ?? 'auto';
  if (attributes.inputMode) input.inputMode = attributes.inputMode;
  input.value = attributes.value ?? '';
  input.autocomplete = 'off';
  wrapper.append(input);
  return { label: wrapper, input };
}

export function element<K extends keyof HTMLElementTagNameMap>(
  name: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(name);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}
