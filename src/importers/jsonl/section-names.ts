/**
 * Arabic names of the category names that Arabic news datasets use in
 * English (those of ANT Corpus, Chouigui et al., AICCSA 2017, among them).
 * Any other name is kept as written.
 */
const ARABIC_NAMES: Readonly<Record<string, string>> = {
  culture: 'ثقافة',
  diverse: 'متفرقات',
  economy: 'اقتصاد',
  internationalnews: 'دولية',
  international: 'دولية',
  world: 'دولية',
  localnews: 'وطنية',
  local: 'محلية',
  politic: 'سياسة',
  politics: 'سياسة',
  society: 'مجتمع',
  sport: 'رياضة',
  sports: 'رياضة',
  technology: 'تكنولوجيا',
  tech: 'تكنولوجيا',
  health: 'صحة',
};

/** The section name for a category: Arabic for known English names, else as given. */
export function sectionName(category: string): string {
  const name = category.trim();
  return ARABIC_NAMES[name.toLowerCase().replace(/[\s_-]/g, '')] ?? name;
}
