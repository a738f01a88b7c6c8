import { absoluteMediaUrl } from '../catalog/media-url';

/**
 * Strapi "blocks" rich text → HTML, for course descriptions and lesson bodies.
 *
 * Everything that comes from the CMS is text to us: every string is escaped, only the
 * node types below produce markup, links must be http(s), mailto: or same-site, and image
 * sources must be http(s) or CMS-relative. Unknown nodes keep their text. Malformed input
 * never throws: it renders as much as makes sense.
 */

export interface RenderBlocksOptions {
  /** Origin that relative media URLs ("/uploads/…") live on: the CMS. */
  mediaBase: string;
  /**
   * Storefront path of the lesson's media proxy (paths.lessonMedia), for the body of a paid
   * lesson: its images hosted by the CMS are locked there, so they are served through the proxy
   * (`<proxy>?file=<CMS path>`), which checks access first. Unset: images keep their CMS URL.
   */
  lockedMediaProxy?: string;
}

/**
 * The path of a media URL hosted by the CMS ("/uploads/x.png", or an absolute URL on the CMS
 * origin), or null for anything else (another host, such as a cloud bucket, or an unsafe URL).
 */
export function cmsMediaPath(url: string, mediaBase: string): string | null {
  const value = url.trim();
  if (value.startsWith('/')) return value.startsWith('//') || value.includes('\\') ? null : value;
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const parsed = new URL(value);
    return parsed.origin === new URL(mediaBase).origin ? parsed.pathname : null;
  } catch {
    return null;
  }
}

/** Where the browser gets an image of a lesson body: through the lesson's proxy when the CMS locks it. */
export function bodyImageSrc(url: string, options: RenderBlocksOptions): string | null {
  const src = absoluteMediaUrl(url, options.mediaBase);
  if (!src || !options.lockedMediaProxy) return src;
  const cmsPath = cmsMediaPath(url, options.mediaBase);
  return cmsPath ? `${options.lockedMediaProxy}?file=${encodeURIComponent(cmsPath)}` : src;
}

type Node = Record<string, unknown>;

const MAX_DEPTH = 24;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: Node): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

/**
 * A link target we are willing to render: absolute http(s), mailto:, or a same-site path or
 * fragment. Returns the URL to use and whether it leaves the site, or null.
 */
export function safeLinkUrl(raw: unknown): { href: string; external: boolean } | null {
  if (typeof raw !== 'string') return null;
  // Browsers ignore tabs and newlines inside URLs ("java\tscript:"): so do we, before checking.
  const url = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (/[\u0000-\u001f\u007f]/.test(url)) return null;
  if (/^https?:\/\//i.test(url)) return { href: url, external: true };
  if (/^mailto:[^\s]+$/i.test(url)) return { href: url, external: true };
  if (url.startsWith('#')) return { href: url, external: false };
  if (url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')) return { href: url, external: false };
  return null;
}

function renderText(node: Node): string {
  const text = typeof node.text === 'string' ? node.text : '';
  let html = escapeHtml(text).replace(/\r?\n/g, '<br>');
  if (!html) return '';
  if (node.code === true) html = `<code>${html}</code>`;
  if (node.bold === true) html = `<strong>${html}</strong>`;
  if (node.italic === true) html = `<em>${html}</em>`;
  if (node.underline === true) html = `<u>${html}</u>`;
  if (node.strikethrough === true) html = `<s>${html}</s>`;
  return html;
}

function renderInline(nodes: unknown[], depth: number): string {
  if (depth > MAX_DEPTH) return '';
  let html = '';
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if (node.type === 'link') {
      const inner = renderInline(childrenOf(node), depth + 1);
      const link = safeLinkUrl(node.url);
      if (!link) {
        html += inner;
      } else if (link.external) {
        html += `<a href="${escapeHtml(link.href)}" rel="noopener noreferrer nofollow" target="_blank">${inner}</a>`;
      } else {
        html += `<a href="${escapeHtml(link.href)}">${inner}</a>`;
      }
    } else if (node.type === 'text' || typeof node.text === 'string') {
      html += renderText(node);
    } else {
      // Unknown inline node: keep its text.
      html += renderInline(childrenOf(node), depth + 1);
    }
  }
  return html;
}

/** Plain text of a subtree (for code blocks, which show characters, not formatting). */
function plainText(nodes: unknown[], depth: number): string {
  if (depth > MAX_DEPTH) return '';
  let text = '';
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if (typeof node.text === 'string') text += node.text;
    else text += plainText(childrenOf(node), depth + 1);
  }
  return text;
}

function renderList(node: Node, depth: number, options: RenderBlocksOptions): string {
  const tag = node.format === 'ordered' ? 'ol' : 'ul';
  const items: string[] = [];
  for (const child of childrenOf(node)) {
    if (!isNode(child)) continue;
    if (child.type === 'list') {
      // A nested list belongs inside the item before it (only <li> may sit in <ul>/<ol>).
      const nested = renderList(child, depth + 1, options);
      if (items.length) items[items.length - 1] += nested;
      else items.push(nested);
    } else {
      const inner = childrenOf(child).some((c) => isNode(c) && c.type === 'list')
        ? renderListItemWithNested(child, depth + 1, options)
        : renderInline(childrenOf(child), depth + 1);
      items.push(inner);
    }
  }
  if (!items.length) return '';
  return `<${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
}

function renderListItemWithNested(node: Node, depth: number, options: RenderBlocksOptions): string {
  let html = '';
  for (const child of childrenOf(node)) {
    if (isNode(child) && child.type === 'list') html += renderList(child, depth + 1, options);
    else html += renderInline([child], depth + 1);
  }
  return html;
}

function renderImage(node: Node, options: RenderBlocksOptions): string {
  const image = isNode(node.image) ? node.image : null;
  if (!image) return '';
  const src = typeof image.url === 'string' ? bodyImageSrc(image.url, options) : null;
  if (!src) return '';
  const alt = typeof image.alternativeText === 'string' ? image.alternativeText : '';
  const size = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null);
  const width = size(image.width);
  const height = size(image.height);
  const dimensions = width && height ? ` width="${width}" height="${height}"` : '';
  const caption = typeof image.caption === 'string' && image.caption.trim() ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '';
  return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${dimensions} loading="lazy" decoding="async">${caption}</figure>`;
}

function renderBlock(node: unknown, depth: number, options: RenderBlocksOptions): string {
  if (!isNode(node) || depth > MAX_DEPTH) return '';
  switch (node.type) {
    case 'paragraph': {
      const inner = renderInline(childrenOf(node), depth + 1);
      return inner ? `<p>${inner}</p>` : '';
    }
    case 'heading': {
      // The page already has its <h1> (the lesson or course title): CMS headings start at <h2>.
      const level = typeof node.level === 'number' && Number.isInteger(node.level) ? node.level : 2;
      const tag = `h${Math.min(6, Math.max(2, level + 1))}`;
      const inner = renderInline(childrenOf(node), depth + 1);
      return inner ? `<${tag}>${inner}</${tag}>` : '';
    }
    case 'list':
      return renderList(node, depth + 1, options);
    case 'quote': {
      const inner = renderInline(childrenOf(node), depth + 1);
      return inner ? `<blockquote>${inner}</blockquote>` : '';
    }
    case 'code': {
      const language = typeof node.language === 'string' && /^[\w+#-]{1,30}$/.test(node.language) ? node.language : null;
      const languageClass = language ? ` class="language-${language}"` : '';
      return `<pre><code${languageClass}>${escapeHtml(plainText(childrenOf(node), depth + 1))}</code></pre>`;
    }
    case 'image':
      return renderImage(node, options);
    default: {
      // Unknown block: keep its text as a paragraph rather than lose it.
      const inner = renderInline(childrenOf(node), depth + 1);
      return inner ? `<p>${inner}</p>` : '';
    }
  }
}

/** Renders Strapi blocks (an array of block nodes) to an HTML string; anything else → ''. */
export function renderBlocks(blocks: unknown, options: RenderBlocksOptions): string {
  if (!Array.isArray(blocks)) return '';
  return blocks.map((block) => renderBlock(block, 0, options)).join('');
}

/** True when the blocks would render to nothing visible. */
export function isEmptyBlocks(blocks: unknown, options: RenderBlocksOptions): boolean {
  return renderBlocks(blocks, options) === '';
}
