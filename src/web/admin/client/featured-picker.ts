/**
 * The featured-image picker of the article form (views/featured-image-
 * field.tsx): radio buttons with thumbnails, which work without this
 * script. The script adds, at once and selected, every image uploaded from
 * the editor's image dialog (media-dialog.ts announces it), and shows the
 * chosen image's alt text in the featured alt field, since that text is
 * the image's own.
 */
import { MEDIA_UPLOADED_EVENT, type MediaItem } from './media-dialog.js';

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
}
