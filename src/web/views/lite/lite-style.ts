/**
 * The whole stylesheet of a lite page, inlined in its head (issue 22: under
 * 2 KB, no web font). System fonts only: Tahoma and Arial carry Arabic on
 * Windows and Android, Geeza Pro on Apple's systems. Physical properties
 * and no custom properties, so that Opera Mini (Presto) reads it; the
 * text column fits a 320 px window. The lite pages' Content-Security-Policy
 * allows exactly this text by its hash (web/lite-policy.ts).
 */
export const LITE_STYLE = [
  'body{margin:0 auto;max-width:40em;padding:0 .6em;font:1.05em/1.75 Tahoma,"Geeza Pro",Arial,sans-serif;color:#111;background:#fff;overflow-wrap:break-word;word-wrap:break-word}',
  'a{color:#0b4a9e}',
  'header,footer{padding:.4em 0;font-size:.9em}',
  'header{border-bottom:2px solid #7a0b14}',
  'footer{border-top:1px solid #ccc;margin-top:1.5em;color:#444}',
  '.s{font-weight:bold;font-size:1.15em;text-decoration:none;color:#7a0b14}',
  'h1{font-size:1.35em;line-height:1.45;margin:.4em 0}',
  'h2{font-size:1.1em;line-height:1.5;margin:.8em 0 .3em}',
  '.m{color:#555;font-size:.85em}',
  '.l{list-style:none;margin:0;padding:0}',
  '.l li{margin:.6em 0}',
  '.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}',
  'figure{margin:.6em 0}',
  'figcaption{color:#555;font-size:.85em}',
  'blockquote{margin:.6em 0;padding:.2em .8em;background:#f3f3f3}',
  'hr{border:0;border-top:1px solid #ccc}',
  '@media (prefers-color-scheme:dark){body{background:#111;color:#e8e8e8}a{color:#8ab4f8}.s{color:#f08080}.m,figcaption,footer{color:#aaa}blockquote{background:#222}}',
].join('');
