/**
 * The editor's words. The server passes them, in the admin's language, as
 * JSON in the editor element's `data-labels`; Arabic defaults fill any key
 * it leaves out, so a missing translation never shows a key name.
 */

export const DEFAULT_LABELS = {
  // Toolbar buttons (aria-label and tooltip).
  toolbar: 'أدوات التحرير',
  paragraph: 'فقرة',
  h2: 'عنوان رئيسي',
  h3: 'عنوان فرعي',
  h4: 'عنوان صغير',
  bold: 'غامق',
  italic: 'مائل',
  link: 'رابط',
  bulletList: 'قائمة نقطية',
  orderedList: 'قائمة مرقمة',
  blockquote: 'اقتباس',
  image: 'صورة',
  embed: 'تضمين منشور',
  readAlso: 'اقرأ أيضاً',
  undo: 'تراجع',
  redo: 'إعادة',
  // The writing area.
  body: 'نص المقال',
  bodyPlaceholder: 'اكتب نص المقال هنا…',
  captionPlaceholder: 'تعليق على الصورة (اختياري)',
  // Dialogs shared by link, embed, image and read-also.
  insert: 'إدراج',
  cancel: 'إلغاء',
  // Link dialog.
  linkPrompt: 'عنوان الرابط (http أو https أو mailto)',
  linkInvalid: 'الرابط غير مقبول: استخدم عنواناً يبدأ بـ https:// أو http:// أو mailto:',
  removeLink: 'إزالة الرابط',
  // Embed dialog and the embed box in the text.
  embedPrompt: 'رابط منشور على يوتيوب أو إكس (تويتر) أو تلغرام',
  embedInvalid: 'لا يمكن تضمين هذا الرابط. المقبول: يوتيوب وإكس (تويتر) وقنوات تلغرام العامة.',
  providerYoutube: 'يوتيوب',
  providerX: 'إكس (تويتر)',
  providerTelegram: 'تلغرام',
  // Image dialog.
  imageDialogTitle: 'إدراج صورة',
  mediaLibrary: 'مكتبة الوسائط',
  mediaLoading: 'جارٍ تحميل الصور…',
  mediaEmpty: 'لا توجد صور في المكتبة بعد.',
  mediaFailed: 'تعذّر تحميل مكتبة الوسائط.',
  upload: 'رفع صورة من جهازك',
  uploading: 'جارٍ رفع الصورة…',
  uploadFailed: 'تعذّر رفع الصورة.',
  altText: 'النص البديل (وصف الصورة لمن لا يراها)',
  caption: 'التعليق (اختياري)',
  chooseImage: 'اختر صورة من المكتبة أو ارفع صورة.',
  altRequired: 'اكتب النص البديل قبل الإدراج.',
  // The tools of an image in the text (figure-tools.ts).
  imageTools: 'أدوات الصورة',
  imageNoAlt: 'بلا نص بديل',
  editAlt: 'النص البديل',
  editCaption: 'تعديل التعليق',
  replaceImage: 'استبدال الصورة',
  removeImage: 'حذف الصورة',
  altDialogTitle: 'وصف الصورة لمن لا يراها',
  apply: 'تطبيق',
  // Read-also dialog and box.
  readAlsoDialogTitle: 'إدراج «اقرأ أيضاً»',
  search: 'ابحث عن مقال',
  searching: 'جارٍ البحث…',
  noResults: 'لا نتائج.',
  searchFailed: 'تعذّر البحث.',
  // Autosave status; the form's data-autosaved-label wins over `autosaved`.
  autosaved: 'حُفظت المسودة تلقائياً الساعة {time}',
  autosaveFailed: 'تعذّر الحفظ التلقائي؛ التغييرات لم تُحفظ بعد.',
  // The copy kept in the browser until a save succeeds (kept-copy.ts).
  keptInBrowser: 'نصّك محفوظ في هذا المتصفح إلى أن يُحفظ على الخادم.',
  keptOffer: 'احتفظ هذا المتصفح بنسخة من المقال لم تُحفظ على الخادم (الساعة {time}).',
  restoreKept: 'استعادة النسخة',
  discardKept: 'تجاهلها',
} as const;

export type LabelKey = keyof typeof DEFAULT_LABELS;
export type Labels = Readonly<Record<LabelKey, string>>;

/**
 * The labels from a `data-labels` attribute over the Arabic defaults.
 * Unknown keys, non-string values and malformed JSON are ignored.
 *
 * @example readLabels('{"bold":"Bold"}').bold // 'Bold'
 */
export function readLabels(json: string | undefined): Labels {
  const labels: Record<LabelKey, string> = { ...DEFAULT_LABELS };
  let given: unknown;
  try {
    given = JSON.parse(json ?? 'null');
  } catch {
    given = null;
  }
  if (typeof given === 'object' && given !== null) {
    for (const [key, value] of Object.entries(given)) {
      if (key in labels && typeof value === 'string' && value.trim() !== '') {
        labels[key as LabelKey] = value;
      }
    }
  }
  return labels;
}

/**
 * A message with its `{name}` placeholders filled in; a placeholder with
 * no value is left as written.
 *
 * @example fillIn('saved at {time}', { time: '10:42' }) // 'saved at 10:42'
 */
export function fillIn(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
