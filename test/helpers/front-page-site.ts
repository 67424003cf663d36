/**
 * A newspaper's worth of content for the front page tests: six sections
 * (one of them for opinion), about thirty published articles, half of them
 * with a picture (drawn scenes, not flat colours, so screenshots show what
 * a reader sees), bylines by four writers (two with a photo), and a wide
 * logo in the media library. Nothing is chosen for the front page: the tests do that.
 */
import sharp from 'sharp';
import type { Actor } from '../../src/domain/roles.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { updateMediaDetails, uploadImage } from '../../src/services/media.js';
import { moveArticle } from '../../src/services/move-article.js';
import { saveProfile } from '../../src/services/author-profile.js';
import { createSection } from '../../src/services/taxonomy.js';
import type { Database } from '../../src/storage/database.js';
import { listSectionNames } from '../../src/storage/repositories/sections.repository.js';
import { MEDIA_LIMITS } from './images.js';
import { content, createStaff, type Staff } from './newsroom.js';

/** The sections, by key, with their Arabic names, in the order they are created. */
export const FRONT_SECTIONS = {
  politics: 'سياسة',
  economy: 'اقتصاد',
  sport: 'رياضة',
  culture: 'ثقافة وفنون',
  tech: 'تكنولوجيا',
  opinion: 'مقالات الرأي',
} as const;
export type FrontSectionKey = keyof typeof FRONT_SECTIONS;

/** Headlines per section, newest last; every other one gets a picture. */
const HEADLINES: Record<FrontSectionKey, string[]> = {
  politics: [
    'مجلس الأمن يعقد جلسة طارئة لبحث التصعيد في الشمال السوري',
    'وزراء الخارجية العرب يتفقون على خطة لإعادة إعمار المدن المتضررة',
    'انتخابات بلدية في ثلاث محافظات وسط إقبال تجاوز 60% من الناخبين',
    'البرلمان يقر قانون الانتخاب الجديد بعد نقاش استمر أسبوعين',
    'قمة ثلاثية في عمّان تبحث أمن الحدود وعودة اللاجئين',
  ],
  economy: [
    'البنك المركزي يبقي سعر الفائدة دون تغيير للشهر الثالث',
    'صادرات الزيتون ترتفع 18% مع افتتاح أسواق جديدة في أوروبا',
    'أسعار الذهب تسجل أعلى مستوى لها منذ مطلع العام',
    'الحكومة تطلق صندوقاً بقيمة 500 مليون دولار لدعم المشاريع الصغيرة',
    'معرض دمشق الدولي يستقبل 1,250 شركة من 40 دولة',
  ],
  sport: [
    'المنتخب يتأهل إلى نهائيات كأس آسيا بعد فوز مثير في الدقائق الأخيرة',
    'نادي الكرامة يتعاقد مع مدرب برتغالي لموسمين',
    'عدّاءة سورية تحطم الرقم القياسي العربي في سباق 800 متر',
    'انطلاق دوري كرة السلة للسيدات بمشاركة عشرة أندية',
    'ملعب حلب الدولي يعود لاستضافة المباريات بعد الترميم',
  ],
  culture: [
    'مهرجان المسرح العربي يكرّم رواد الخشبة في دورته الخامسة عشرة',
    'رواية «ذاكرة الياسمين» تفوز بجائزة الشيخ زايد للكتاب',
    'افتتاح معرض للخط العربي يضم أعمالاً نادرة من القرن التاسع عشر',
    'فرقة أورفيوس تحيي أمسية موسيقية في قلعة دمشق',
  ],
  tech: [
    'شركة ناشئة في بيروت تطور تطبيقاً لتعليم البرمجة بالعربية',
    'إطلاق أول قمر صناعي عربي لرصد التغير المناخي',
    'خدمة الإنترنت بالألياف الضوئية تصل إلى 200 ألف منزل',
  ],
  opinion: [
    'لماذا تحتاج مدننا إلى حدائق أكثر من حاجتها إلى جسور',
    'الصحافة المحلية ليست ترفاً: هي آخر ما يربطنا بأحيائنا',
    'عن الاقتصاد الذي لا تقيسه الأرقام',
    'حين يصبح المقهى برلماناً للحي',
  ],
};

/** What fillFrontPage made: the staff, the sections' ids by key, the articles' ids, the logo's id. */
export interface FrontPageSeed {
  staff: Staff;
  sections: Record<FrontSectionKey, string>;
  /** Article ids per section, newest first. */
  articles: Record<FrontSectionKey, string[]>;
  /** Ids of the articles that have a picture. */
  withImage: Set<string>;
  logoId: string;
}

const HUES = [8, 200, 35, 150, 260, 330, 190, 20, 120, 280];

/** A 1280×720 drawn scene (sky, sun, hills, a street of buildings) in shades of `hue`. */
function scene(hue: number, seed: number): Promise<Buffer> {
  const buildings = Array.from({ length: 9 }, (_, i) => {
    const h = 120 + ((seed * 37 + i * 53) % 200);
    return `<rect x="${i * 145 - 10}" y="${720 - h}" width="130" height="${h}" fill="hsl(${hue},25%,${18 + (i % 3) * 6}%)"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,35%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},70%,75%)"/>
    </linearGradient></defs>
    <rect width="1280" height="720" fill="url(#s)"/>
    <circle cx="${300 + ((seed * 131) % 700)}" cy="220" r="90" fill="hsl(${(hue + 50) % 360},90%,85%)" opacity="0.9"/>
    <path d="M0 520 Q 320 380 640 500 T 1280 460 V720 H0Z" fill="hsl(${hue},30%,30%)" opacity="0.8"/>
    ${buildings}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** A wide logo: the name in the site's red beside a square mark, on transparent ground. */
function logo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="380" height="160">
    <rect x="260" y="24" width="112" height="112" rx="14" fill="#7a0b14"/>
    <text x="316" y="108" font-family="DejaVu Sans" font-weight="bold" font-size="84" fill="#fff" text-anchor="middle">م</text>
    <text x="240" y="116" font-family="DejaVu Sans" font-weight="bold" font-size="104" fill="#7a0b14" text-anchor="end">مِداد</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A 400×400 drawn portrait (head and shoulders) on a `hue` ground, for a writer's photo. */
function portrait(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
    <rect width="400" height="400" fill="hsl(${hue},35%,70%)"/>
    <ellipse cx="200" cy="390" rx="150" ry="120" fill="hsl(${(hue + 180) % 360},25%,30%)"/>
    <circle cx="200" cy="170" r="85" fill="hsl(28,45%,62%)"/>
    <path d="M115 160 Q 200 40 285 160 Q 270 95 200 88 Q 130 95 115 160Z" fill="hsl(20,30%,18%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/**
 * Fills `database` (with no sections or staff yet) and `mediaDir`. The
 * clock moves a minute per step from `start`; articles are published in
 * turn, round the sections, so that every section has recent news.
 */
export async function fillFrontPage(
  database: Database,
  mediaDir: string,
  start = new Date('2026-11-29T07:00:00Z'),
): Promise<FrontPageSeed> {
  let clock = start;
  const now = () => (clock = new Date(clock.getTime() + 60_000));
  const deps = { database, now };
  const media = { ...MEDIA_LIMITS, database, mediaDir, now };
  const staff = await createStaff(database, now);
  const writers: Actor[] = [staff.author, staff.editor, staff.administrator, staff.contributor];
  for (const name of Object.values(FRONT_SECTIONS)) {
    await createSection(deps, staff.administrator, name);
  }
  // Two of the four writers have a photo; the others get the stand-in with their initial.
  for (const [at, writer] of [staff.author, staff.administrator].entries()) {
    const photo = await uploadImage(media, writer, {
      bytes: await portrait(at === 0 ? 200 : 340),
      fileName: `writer-${at}.jpg`,
    });
    await saveProfile(deps, writer, writer.id, { photoMediaId: photo.id, bio: '', links: {} });
  }
  const byName = new Map((await listSectionNames(database.db)).map((s) => [s.name, s.id]));
  const sections = Object.fromEntries(
    Object.entries(FRONT_SECTIONS).map(([key, name]) => [key, byName.get(name) ?? '']),
  ) as Record<FrontSectionKey, string>;
  const uploadedLogo = await uploadImage(media, staff.administrator, {
    bytes: await logo(),
    fileName: 'midad-logo.png',
  });
  const articles = Object.fromEntries(
    Object.keys(FRONT_SECTIONS).map((key) => [key, [] as string[]]),
  ) as Record<FrontSectionKey, string[]>;
  const withImage = new Set<string>();
  const keys = Object.keys(HEADLINES) as FrontSectionKey[];
  const longest = Math.max(...keys.map((k) => HEADLINES[k].length));
  let n = 0;
  for (let round = 0; round < longest; round += 1) {
    for (const key of keys) {
      const headline = HEADLINES[key][round];
      if (headline === undefined) continue;
      n += 1;
      const writer = writers[n % writers.length] as Actor;
      let featuredMediaId: string | null = null;
      // Every other story has a picture, and so has the last round's (the newest, the lead).
      if ((n % 2 === 1 || round === longest - 1) && key !== 'opinion') {
        const image = await uploadImage(media, staff.editor, {
          bytes: await scene(HUES[n % HUES.length] ?? 0, n),
          fileName: `photo-${n}.jpg`,
        });
        await updateMediaDetails({ database }, staff.editor, image.id, {
          alt: `صورة: ${headline}`,
          caption: '',
          credit: 'مداد',
        });
        featuredMediaId = image.id;
      }
      const id = await createDraft(deps, staff.editor);
      await saveArticle(
        deps,
        staff.editor,
        id,
        content([writer.id], {
          headline,
          excerpt: `${headline}. تفاصيل الخبر ومتابعة لآخر التطورات من مراسلينا.`,
          bodyHtml: `<p>${headline}.</p><p>فقرة ثانية من الخبر.</p>`,
          sectionId: sections[key],
          tags: [],
          featuredMediaId,
        }),
      );
      await moveArticle(deps, staff.editor, id, 'publish');
      articles[key].unshift(id);
      if (featuredMediaId !== null) withImage.add(id);
    }
  }
  return { staff, sections, articles, withImage, logoId: uploadedLogo.id };
}
