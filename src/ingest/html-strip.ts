/**
 * A linear-time HTML → text reader for pages too big or too deep for the DOM parser (whose
 * cost grows with the square of nesting depth: 100,000 nested tags take linkedom ~50 s).
 * No tree is built: tags are skipped, block tags break paragraphs, raw-text elements (script,
 * style…) and comments are dropped, common entities decoded. Every search starts where the
 * previous one stopped, so hostile input ("<" a million times, unclosed scripts) stays linear.
 */

/** Elements whose content is never text of the page. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'textarea', 'title']);
/** Elements that start a new paragraph. */
const BLOCK = new Set(
  ('p div section article main header footer h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre figure figcaption ' +
    'table tr td th tbody thead tfoot caption address hr br center details summary body html nav aside form').split(' '),
);
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const TAG_NAME = /^<\/?([a-zA-Z][\w-]*)/;

function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
  });
}

/** Index just past the closing tag of raw-text element `name` at or after `from`, or the end. */
function skipRawText(html: string, name: string, from: number): number {
  const close = new RegExp(`</${name}\\s*>`, 'gi');
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

/** Paragraphs of text (blank line between), read without building a DOM. */
export function stripTagsText(html: string): string {
  const pieces: string[] = [];
  let i = 0;
  let gt = -1; // the next '>' found so far, reused while it lies ahead: "<<<<…>" stays linear
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pieces.push(html.slice(i));
      break;
    }
    pieces.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (gt <= lt) gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      // No '>' anywhere after: the rest is text (searching again for each '<' would be quadratic).
      pieces.push(html.slice(lt));
      break;
    }
    const name = TAG_NAME.exec(html.slice(lt, Math.min(gt + 1, lt + 40)))?.[1]?.toLowerCase();
    if (name === undefined) {
      pieces.push('<'); // "a < b", "<<p>": this '<' is text; look for a tag from the next character
      i = lt + 1;
      continue;
    }
    i = gt + 1;
    if (RAW_TEXT.has(name) && html[lt + 1] !== '/' && html[gt - 1] !== '/') i = skipRawText(html, name, i);
    else if (BLOCK.has(name)) pieces.push('\n');
  }
  return decodeEntities(pieces.join(''))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n\n');
}

/**
 * Cheap counts on the source: the deepest tag nesting (void and self-closed tags ignored), the
 * number of tags, and the '<', '>' and '&' outside tags (text that serialises to entities,
 * which Readability handles some 30 times slower than letters). `[^<>]` keeps a '<' that never
 * closes from rescanning the rest.
 */
export function tagShape(html: string): { depth: number; tags: number; strayMarkup: number } {
  let depth = 0;
  let max = 0;
  let tags = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    tags++;
    if (/^(?:br|img|hr|meta|link|input|area|base|col|embed|source|track|wbr|param)$/i.test(m[2]) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > max) max = depth;
  }
  let markup = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) markup++;
  for (let i = html.indexOf('>'); i >= 0; i = html.indexOf('>', i + 1)) markup++;
  for (let i = html.indexOf('&'); i >= 0; i = html.indexOf('&', i + 1)) markup++;
  return { depth: max, tags, strayMarkup: Math.max(0, markup - 2 * tags) };
}
