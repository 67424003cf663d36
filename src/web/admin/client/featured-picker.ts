/**
 * The featured-image picker of the article form (views/featured-image-
 * field.tsx): radio buttons with thumbnails, which work without this
 * script. The script adds, at once, every image uploaded from the editor's
 * image dialog (media-dialog.ts announces it); offers an upload button of
 * its own (`POST data-media-url`, as the image dialog does), whose image
 * becomes the featured one with the cursor in its alt text field; and shows
 * the chosen image's alt text in that field, since the text is the image's.
 * Labels (data-labels): upload, uploading, uploadFailed.
 */
import { csrfToken, errorMessage, field, requestJson } from './http.js';
import { MEDIA_UPLOADED_EVENT, mediaItem, type MediaItem } from './media-dialog.js';

const WORDS = {
  upload: 'رفع صورة رئيسية',
  uploading: 'جارٍ رفع الصورة…',
  uploadFailed: 'تعذّر رفع الصورة.',
};

function readWords(json: string | undefined): typeof WORDS {
  try {
    const given: unknown = JSON.parse(json ?? '{}');
    return { ...WORDS, ...(typeof given === 'object' && given !== null ? given : {}) };
  } catch {
    return WORDS;
  }
}

/** The picker's radio for `item`, as the server renders one. */
function radioFor(item: MediaItem): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'featured-picker__item';
  label.title = item.alt || item.name;
  const radio = document.createElement('input');
  radio.type = 'radio';
  radio.name = 'featuredMediaId';
  radio.value = item.id;
  radio.dataset.alt = item.alt;
  const thumbnail = document.createElement('img');
  thumbnail.src = item.src;
  thumbnail.alt = '';
  if (item.width) thumbnail.width = item.width;
  if (item.height) thumbnail.height = item.height;
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = item.alt || item.name || item.id;
  label.append(radio, thumbnail, name);
  return label;
}

/** Enhances one `[data-featured-picker]` fieldset. */
export function mountFeaturedPicker(picker: HTMLElement): void {
  const grid = picker.querySelector<HTMLElement>('[data-featured-grid]');
  const alt = picker.querySelector<HTMLInputElement>('input[name="featuredAlt"]');
  if (!grid) return;
  const showAltOf = (radio: HTMLInputElement): void => {
    if (alt) alt.value = radio.dataset.alt ?? '';
  };
  grid.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'radio') {
      showAltOf(event.target);
    }
  });
  document.addEventListener(MEDIA_UPLOADED_EVENT, (event) => {
    const item = (event as CustomEvent<MediaItem | undefined>).detail;
    if (!item || grid.querySelector(`input[value="${CSS.escape(item.id)}"]`)) return;
    // After «no image», newest first, as the server lists them.
    const none = grid.firstElementChild;
    const label = radioFor(item);
    if (none) none.after(label);
    else grid.prepend(label);
    // A new upload offers itself; it becomes the featured image only when chosen.
  });
  const url = picker.dataset.mediaUrl;
  if (url) addUpload(picker, grid, url, showAltOf, alt);
}

/** The picker's own upload button: the uploaded image is chosen, its alt text asked next. */
function addUpload(
  picker: HTMLElement,
  grid: HTMLElement,
  url: string,
  showAltOf: (radio: HTMLInputElement) => void,
  alt: HTMLInputElement | null,
): void {
  const words = readWords(picker.dataset.labels);
  const button = document.createElement('label');
  button.className = 'button featured-picker__upload';
  button.textContent = words.upload;
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = 'image/*';
  file.className = 'visually-hidden';
  button.append(file);
  const status = document.createElement('p');
  status.className = 'field__hint featured-picker__status';
  status.setAttribute('role', 'status');
  grid.after(button, status);
  file.addEventListener('change', () => {
    const picked = file.files?.[0];
    if (!picked) return;
    const data = new FormData();
    data.append('file', picked);
    status.textContent = words.uploading;
    void requestJson(url, {
      method: 'POST',
      headers: { 'x-csrf-token': csrfToken(picker.closest('form')) },
      body: data,
    }).then(({ ok, body }) => {
      file.value = '';
      const item = ok ? mediaItem(field(body, 'item')) : null;
      if (item === null) {
        status.textContent = errorMessage(body) ?? words.uploadFailed;
        return;
      }
      status.textContent = '';
      document.dispatchEvent(new CustomEvent(MEDIA_UPLOADED_EVENT, { detail: item }));
      const radio = grid.querySelector<HTMLInputElement>(`input[value="${CSS.escape(item.id)}"]`);
      if (radio) {
        radio.checked = true;
        showAltOf(radio);
        radio.dispatchEvent(new Event('input', { bubbles: true }));
      }
      alt?.focus();
    });
  });
}
