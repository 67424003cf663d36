/**
 * The site's static assets: the stylesheet and scripts under public/assets
 * (reader.js on every page, live.js on live articles only, push.js on
 * article pages and /alerts)
 * (served from memory at fingerprinted URLs, cached for a year as
 * immutable), the favicon, the self-hosted font files (from @fontsource,
 * under /fonts/), and the inline head script with its CSP hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminAssets } from './admin/admin-context.js';
import type { AssetUrls } from './views/page-context.js';

/** The project root: two levels above this file in src/web and in dist/web alike. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Folder of the font files of @fontsource/noto-naskh-arabic. */
export const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@fontsource/noto-naskh-arabic/package.json')),
  'files',
);

/** Applies the stored font size and marks JavaScript as on, before first paint. */
export const HEAD_SCRIPT =
  "document.documentElement.classList.replace('no-js','js');" +
  "try{var s=localStorage.getItem('midad:font-size');" +
  "if(s&&/^[0-5]$/.test(s))document.documentElement.setAttribute('data-font-size',s)}catch(e){}";

/** Folder of the newsroom's bundled browser code, built by Vite (`npm run build`). */
export const ADMIN_BUNDLE_DIR = join(ROOT, 'dist', 'admin-assets');

/**
 * URLs of the editor's script and stylesheet from Vite's manifest, or
 * nulls when the bundle has not been built.
 */
function editorBundle(): { script: string | null; css: string | null } {
  const manifestFile = join(ADMIN_BUNDLE_DIR, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return { script: null, css: null };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<
    string,
    { file: string; css?: string[] }
  >;
  const entry = manifest['src/web/admin/client/editor.ts'];
  return {
    script: entry ? `/admin/${entry.file}` : null,
    css: entry?.css?.[0] ? `/admin/${entry.css[0]}` : null,
  };
}

/** A static file held in memory. */
export interface Asset {
  body: Buffer;
  contentType: string;
}

export interface SiteAssets {
  urls: AssetUrls;
  /** The newsroom's stylesheet and editor bundle. */
  admin: AdminAssets;
  /** Fingerprinted path (`/assets/site.1a2b3c4d.css`) → file. */
  files: Map<string, Asset>;
  /** The site icon (SVG), served at /favicon.svg and /favicon.ico. */
  favicon: Asset;
  /** The site's logo (PNG, 512×512), served at /logo.png. */
  logo: Asset;
  /** The CSP source for HEAD_SCRIPT: `'sha256-…'`. */
  headScriptHash: string;
  /** The push service worker (public/sw.js), served at /sw.js (scope `/`), never fingerprinted. */
  serviceWorker: Asset;
  /**
   * The notification icons at fixed paths (`/assets/icon-192.png`,
   * `/assets/icon-512.png`): push payloads made earlier name them.
   */
  icons: Map<string, Asset>;
}

/** The fixed paths of the site icons (PNG, square) that notifications show. */
export const SITE_ICONS = ['/assets/icon-192.png', '/assets/icon-512.png'] as const;

function fingerprinted(name: string, contentType: string): [string, Asset] {
  const body = readFileSync(join(ROOT, 'public', 'assets', name));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const dot = name.lastIndexOf('.');
  return [`/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, { body, contentType }];
}

/** Reads the assets once, at start. @throws when a file is missing from the checkout. */
export function loadSiteAssets(): SiteAssets {
  const [cssPath, css] = fingerprinted('site.css', 'text/css; charset=utf-8');
  const [jsPath, js] = fingerprinted('reader.js', 'text/javascript; charset=utf-8');
  const [livePath, live] = fingerprinted('live.js', 'text/javascript; charset=utf-8');
  const [adminCssPath, adminCss] = fingerprinted('admin.css', 'text/css; charset=utf-8');
  const [liveReadersPath, liveReaders] = fingerprinted(
    'live-readers.js',
    'text/javascript; charset=utf-8',
  );
  const [pushPath, push] = fingerprinted('push.js', 'text/javascript; charset=utf-8');
  const editor = editorBundle();
  return {
    urls: {
      css: cssPath,
      readerScript: jsPath,
      liveScript: livePath,
      pushScript: pushPath,
      fontPreloads: [
        '/fonts/noto-naskh-arabic-arabic-400-normal.woff2',
        '/fonts/noto-naskh-arabic-arabic-700-normal.woff2',
      ],
    },
    admin: {
      css: adminCssPath,
      editorScript: editor.script,
      editorCss: editor.css,
      liveReadersScript: liveReadersPath,
    },
    files: new Map([
      [cssPath, css],
      [jsPath, js],
      [livePath, live],
      [adminCssPath, adminCss],
      [liveReadersPath, liveReaders],
      [pushPath, push],
    ]),
    favicon: {
      body: readFileSync(join(ROOT, 'public', 'favicon.svg')),
      contentType: 'image/svg+xml',
    },
    logo: { body: readFileSync(join(ROOT, 'public', 'logo.png')), contentType: 'image/png' },
    headScriptHash: `'sha256-${createHash('sha256').update(HEAD_SCRIPT).digest('base64')}'`,
    serviceWorker: {
      body: readFileSync(join(ROOT, 'public', 'sw.js')),
      contentType: 'text/javascript; charset=utf-8',
    },
    icons: new Map(
      SITE_ICONS.map((path) => [
        path,
        { body: readFileSync(join(ROOT, 'public', path)), contentType: 'image/png' },
      ]),
    ),
  };
}
