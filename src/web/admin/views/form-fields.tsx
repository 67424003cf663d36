/**
 * Labelled form fields with their error message, accessible: the error is
 * tied to the input with `aria-describedby` and `aria-invalid`.
 */
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../../i18n/format.js';
import type { FormErrors } from './auth-pages.js';

/** The id of a Field's input: `field-email`, or `<idPrefix>-email`. */
export function fieldId(name: string, idPrefix = 'field'): string {
  return `${idPrefix}-${name}`;
}

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
  const id = fieldId(props.name, props.idPrefix);
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

/**
 * What is wrong with a submitted form, above it. With field errors: a
 * summary (`role="alert"`) that lists each, linked to its field, after the
 * refusal of the whole form if any; each field shows its own too
 * (Field's `error`). With only a refusal of the whole form: that sentence.
 * Nothing when there is no error.
 */
export function ErrorSummary(props: {
  t: Translate;
  errors: FormErrors | undefined;
  /** The fields' idPrefix (Field), when not `field`. */
  idPrefix?: string;
}) {
  const fields = Object.entries(props.errors?.fields ?? {});
  const form = props.errors?.form;
  if (fields.length === 0) return <FormError message={form} />;
  const titleId = `${props.idPrefix ?? 'field'}-error-summary`;
  return (
    <div class="error-summary" role="alert" aria-labelledby={titleId}>
      <p class="error-summary__title" id={titleId}>
        {props.t('admin.errors.title')}
      </p>
      <ul>
        {form ? <li>{form}</li> : null}
        {fields.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name, props.idPrefix)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
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
