/**
 * Asks for an address (a link or a post to embed) and refuses, with a
 * message, anything `check` does not accept; the dialog stays open until
 * the address is right or the editor cancels.
 */
import { openDialog, textField } from './dialog.js';
import type { Labels } from './labels.js';

export type UrlAnswer = { readonly url: string } | { readonly remove: true } | null;

export interface UrlQuestion {
  readonly title: string;
  readonly label: string;
  readonly value: string;
  /** The error message for an address it refuses, or null to accept. */
  readonly check: (value: string) => string | null;
  /** A third button's text, for removing the current link. */
  readonly remove?: string;
}

export function askUrl(labels: Labels, question: UrlQuestion): Promise<UrlAnswer> {
  return new Promise((resolve) => {
    let answer: UrlAnswer = null;
    const frame = openDialog(labels, question.title, {
      submit: labels.insert,
      className: 'midad-dialog--url',
    });
    const { label, input } = textField(question.label, {
      type: 'text',
      dir: 'ltr',
      inputMode: 'url',
      value: question.value,
    });
    input.spellcheck = false;
    frame.body.append(label);
    if (question.remove !== undefined) {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'midad-button';
      remove.textContent = question.remove;
      remove.addEventListener('click', () => {
        answer = { remove: true };
        frame.dialog.close();
      });
      frame.form.querySelector('.midad-dialog__actions')?.append(remove);
    }
    input.addEventListener('input', () => {
      input.removeAttribute('aria-invalid');
      frame.showError('');
    });
    frame.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const problem = question.check(input.value);
      if (problem !== null) {
        input.setAttribute('aria-invalid', 'true');
        frame.showError(problem);
        input.focus();
        return;
      }
      answer = { url: input.value.trim() };
      frame.dialog.close();
    });
    frame.dialog.addEventListener('close', () => resolve(answer));
    frame.dialog.showModal();
    input.select();
  });
}
