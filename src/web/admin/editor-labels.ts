/**
 * The rich-text editor's labels: every `editor.*` message, handed to the
 * client script (src/web/admin/client/labels.ts) in the form's `data-labels`.
 */
import type { MessageKey, Translate } from '../../i18n/format.js';

/** The editor's label keys (src/web/admin/client/labels.ts); their texts are in the catalogues. */
export const EDITOR_LABEL_KEYS = [
  'toolbar',
  'paragraph',
  'h2',
  'h3',
  'h4',
  'bold',
  'italic',
  'link',
  'bulletList',
  'orderedList',
  'blockquote',
  'image',
  'embed',
  'readAlso',
  'undo',
  'redo',
  'body',
  'bodyPlaceholder',
  'captionPlaceholder',
  'insert',
  'cancel',
  'linkPrompt',
  'linkInvalid',
  'removeLink',
  'embedPrompt',
  'embedInvalid',
  'providerYoutube',
  'providerX',
  'providerTelegram',
  'imageDialogTitle',
  'mediaLibrary',
  'mediaLoading',
  'mediaEmpty',
  'mediaFailed',
  'upload',
  'uploading',
  'uploadFailed',
  'altText',
  'caption',
  'chooseImage',
  'altRequired',
  'imageTools',
  'imageNoAlt',
  'editAlt',
  'editCaption',
  'replaceImage',
  'removeImage',
  'altDialogTitle',
  'apply',
  'readAlsoDialogTitle',
  'search',
  'searching',
  'noResults',
  'searchFailed',
  'autosaved',
  'autosaveFailed',
  'keptInBrowser',
  'keptOffer',
  'restoreKept',
  'discardKept',
] as const;

/** Every `editor.*` message in `t`'s language, keyed without the prefix. */
export function editorLabels(t: Translate): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of EDITOR_LABEL_KEYS) labels[key] = t(`editor.${key}` as MessageKey);
  return labels;
}
