/**
 * The image dialog: pick a picture from the media library
 * (`GET data-media-url` → `{"items":[…]}`) or upload one (`POST` the file
 * as multipart field `file` → `{"item":{…}}` or `{"error":{"message"}}`),
 * then give its alt text (required) and an optional caption.
 */
import { element, openDialog, textField } from './dialog.js';
import type { FigureImage } from './figure-node.js';
import { errorMessage, field, requestJson } from './http.js';
import type { Labels } from './labels.js';
import { imageSrc } from './safe-url.js';

export interface MediaItem extends FigureImage {
  readonly id: string;
  /** The uploaded file's name ('' when the server gives none). */
  readonly name: string;
}

export interface MediaChoice {
  readonly image: FigureImage;
  readonly caption: string;
}

/** A media item from the server's JSON, or null if it is not one. */
export function mediaItem(value: unknown): MediaItem | null {
  const id = field(value, 'id');
  const src = imageSrc(
    typeof field(value, 'url') === 'string' ? String(field(value, 'url')) : null,
  );
  const alt = field(value, 'alt');
  const name = field(value, 'name');
  if ((typeof id !== 'string' && typeof id !== 'number') || src === null) return null;
  return {
    id: String(id),
    src,
    alt: typeof alt === 'string' ? alt : '',
    name: typeof name === 'string' ? name : '',
    width: size(field(value, 'width')),
    height: size(field(value, 'height')),
  };
}

function size(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

/** The event, on `document`, that says an image was uploaded from the editor (detail: the MediaItem). */
export const MEDIA_UPLOADED_EVENT = 'midad:media-uploaded';

/**
 * Opens the image dialog. `replacing` (an image of the text) titles it for
 * a replacement and starts from that image's alt text. Each upload is also
 * announced as MEDIA_UPLOADED_EVENT, so the featured-image picker shows it.
 */
export function chooseMedia(
  labels: Labels,
  endpoint: { url: string; csrf: string },
  replacing: { alt: string } | null = null,
): Promise<MediaChoice | null> {
  return new Promise((resolve) => {
    let answer: MediaChoice | null = null;
    let chosen: MediaItem | null = null;
    const frame = openDialog(labels, replacing ? labels.replaceImage : labels.imageDialogTitle, {
      submit: replacing ? labels.apply : labels.insert,
      className: 'midad-dialog--media',
    });

    const library = element('fieldset', 'midad-media');
    library.append(element('legend', 'midad-media__legend', labels.mediaLibrary));
    const grid = element('div', 'midad-media__grid');
    library.append(grid);
    const upload = element('label', 'midad-field midad-field--file', labels.upload);
    const file = element('input', 'midad-field__input');
    file.type = 'file';
    file.accept = 'image/*';
    upload.append(file);
    const alt = textField(labels.altText);
    alt.input.required = true;
    alt.input.setAttribute('aria-required', 'true');
    if (replacing) alt.input.value = replacing.alt;
    const caption = textField(labels.caption);
    // A replacement keeps the figure's caption: the dialog asks only for the picture and its alt.
    frame.body.append(library, upload, alt.label, ...(replacing ? [] : [caption.label]));

    const choose = (item: MediaItem, button: HTMLButtonElement): void => {
      chosen = item;
      for (const other of grid.querySelectorAll('button'))
        other.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-pressed', 'true');
      if (alt.input.value.trim() === '') alt.input.value = item.alt;
      frame.showError('');
    };
    const show = (item: MediaItem, first = false): HTMLButtonElement => {
      const button = element('button', 'midad-media__item');
      button.type = 'button';
      button.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-label', item.alt || `${labels.image} ${item.id}`);
      const thumbnail = element('img', 'midad-media__thumbnail');
      thumbnail.src = item.src;
      thumbnail.alt = '';
      thumbnail.loading = 'lazy';
      button.append(thumbnail);
      button.addEventListener('click', () => choose(item, button));
      if (first) grid.prepend(button);
      else grid.append(button);
      return button;
    };

    frame.showStatus(labels.mediaLoading);
    void requestJson(endpoint.url).then(({ ok, body }) => {
      const items = field(body, 'items');
      if (!ok || !Array.isArray(items)) return frame.showStatus(labels.mediaFailed);
      const found = items.map(mediaItem).filter((item): item is MediaItem => item !== null);
      for (const item of found) show(item);
      frame.showStatus(found.length === 0 ? labels.mediaEmpty : '');
    });

    file.addEventListener('change', () => {
      const picked = file.files?.[0];
      if (!picked) return;
      const data = new FormData();
      data.append('file', picked);
      frame.showError('');
      frame.showStatus(labels.uploading);
      void requestJson(endpoint.url, {
        method: 'POST',
        headers: { 'x-csrf-token': endpoint.csrf },
        body: data,
      }).then(({ ok, body }) => {
        file.value = '';
        frame.showStatus('');
        const item = ok ? mediaItem(field(body, 'item')) : null;
        if (item === null) return frame.showError(errorMessage(body) ?? labels.uploadFailed);
        document.dispatchEvent(new CustomEvent(MEDIA_UPLOADED_EVENT, { detail: item }));
        choose(item, show(item, true));
      });
    });

    alt.input.addEventListener('input', () => alt.input.removeAttribute('aria-invalid'));
    frame.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (chosen === null) return frame.showError(labels.chooseImage);
      if (alt.input.value.trim() === '') {
        alt.input.setAttribute('aria-invalid', 'true');
        alt.input.focus();
        return frame.showError(labels.altRequired);
      }
      const { src, width, height } = chosen;
      answer = {
        image: { src, alt: alt.input.value.trim(), width, height },
        caption: caption.input.value.trim(),
      };
      frame.dialog.close();
    });
    frame.dialog.addEventListener('close', () => resolve(answer));
    frame.dialog.showModal();
  });
}
