/**
 * Labelled form fields with their error message, accessible: the error is
 * tied to the input with `aria-describedby` and `aria-invalid`.
 */
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string | undefined;
  error?: string | null | undefined;
  hint?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  dir?: 'auto' | 'ltr' | 'rtl';
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  maxLength?: number;
  /** A prefix for the element ids, when the same field appears more than once in a page. */
  idPrefix?: string;
  /** The headline style: larger, bold. */
  big?: boolean;
}

export function Field(props: FieldProps) {
  const id = `${props.idPrefix ?? 'field'}-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    required: props.required,
    maxLength: props.maxLength,
    dir: props.dir ?? (props.type === 'email' || props.type === 'password' ? 'ltr' : 'auto'),
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div class={props.big ? 'field field--big' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.rows ? (
        <textarea {...common} rows={props.rows}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
        />
      )}
      {props.hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Card({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A form that does something hard to undo (delete, revoke): it posts to
 * `action` only once its "yes" box (`confirm=yes`) is ticked.
 */
export function ConfirmedActionForm(props: {
  action: string;
  csrfToken: string;
  confirmLabel: string;
  buttonLabel: string;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <label>
        <input type="checkbox" name="confirm" value="yes" required /> {props.confirmLabel}
      </label>
      <button type="submit" class="button">
        {props.buttonLabel}
      </button>
    </form>
  );
}
