import { describe, expect, it } from 'vitest';
import { bodyImageSrc, cmsMediaPath, escapeHtml, renderBlocks, safeLinkUrl } from './blocks-to-html';

const options = { mediaBase: 'http://cms.test' };
const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
const render = (...blocks: unknown[]) => renderBlocks(blocks, options);

describe('renderBlocks', () => {
  it('renders paragraphs with marks', () => {
    expect(render(paragraph(text('普通 '), text('粗', { bold: true }), text('斜', { italic: true, underline: true })))).toBe(
      '<p>普通 <strong>粗</strong><u><em>斜</em></u></p>',
    );
    expect(render(paragraph(text('a', { strikethrough: true }), text('b', { code: true })))).toBe('<p><s>a</s><code>b</code></p>');
    expect(render(paragraph(text('一行\n二行')))).toBe('<p>一行<br>二行</p>');
  });

  it('drops empty paragraphs (Strapi keeps blank lines as empty text)', () => {
    expect(render(paragraph(text('')))).toBe('');
  });

  it('renders headings one level down (the page owns the <h1>)', () => {
    expect(render({ type: 'heading', level: 1, children: [text('标题')] })).toBe('<h2>标题</h2>');
    expect(render({ type: 'heading', level: 3, children: [text('小节')] })).toBe('<h4>小节</h4>');
    expect(render({ type: 'heading', level: 6, children: [text('六')] })).toBe('<h6>六</h6>');
    expect(render({ type: 'heading', level: '<script>', children: [text('x')] })).toBe('<h3>x</h3>');
  });

  it('renders ordered, unordered and nested lists', () => {
    const item = (value: string) => ({ type: 'list-item', children: [text(value)] });
    expect(render({ type: 'list', format: 'ordered', children: [item('一'), item('二')] })).toBe('<ol><li>一</li><li>二</li></ol>');
    expect(
      render({
        type: 'list',
        format: 'unordered',
        children: [item('a'), { type: 'list', format: 'ordered', children: [item('a.1')] }, item('b')],
      }),
    ).toBe('<ul><li>a<ol><li>a.1</li></ol></li><li>b</li></ul>');
  });

  it('renders quotes and code (code as plain text)', () => {
    expect(render({ type: 'quote', children: [text('引用')] })).toBe('<blockquote>引用</blockquote>');
    expect(render({ type: 'code', language: 'js', children: [text('if (a < b) {}', { bold: true })] })).toBe(
      '<pre><code class="language-js">if (a &lt; b) {}</code></pre>',
    );
    expect(render({ type: 'code', language: '"><script>', children: [text('x')] })).toBe('<pre><code>x</code></pre>');
  });

  it('renders links: external ones open safely, same-site ones stay', () => {
    expect(render(paragraph({ type: 'link', url: 'https://example.com/?a=1&b=2', children: [text('外链')] }))).toBe(
      '<p><a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">外链</a></p>',
    );
    expect(render(paragraph({ type: 'link', url: '/courses/x', children: [text('站内')] }))).toBe(
      '<p><a href="/courses/x">站内</a></p>',
    );
  });

  it('renders images from the CMS with escaped attributes', () => {
    expect(
      render({
        type: 'image',
        image: { url: '/uploads/p.png', alternativeText: 'a "quote"', width: 800, height: 600, caption: '图 1' },
        children: [text('')],
      }),
    ).toBe(
      '<figure><img src="http://cms.test/uploads/p.png" alt="a &quot;quote&quot;" width="800" height="600" loading="lazy" decoding="async"><figcaption>图 1</figcaption></figure>',
    );
  });

  describe('XSS', () => {
    it('escapes markup in text everywhere', () => {
      const evil = '<img src=x onerror=alert(1)><script>alert("x")</script>';
      const html = render(
        paragraph(text(evil)),
        { type: 'heading', level: 2, children: [text(evil)] },
        { type: 'quote', children: [text(evil)] },
        { type: 'code', children: [text(evil)] },
        { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text(evil)] }] },
      );
      expect(html).not.toMatch(/<img|<script/);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    });

    it('drops dangerous link targets but keeps the text', () => {
      for (const url of [
        'javascript:alert(1)',
        'JavaScript:alert(1)',
        ' javascript:alert(1)',
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:x',
        '//evil.com',
        '/\\evil.com',
      ]) {
        expect(render(paragraph({ type: 'link', url, children: [text('点我')] }))).toBe('<p>点我</p>');
      }
    });

    it('cannot break out of attributes', () => {
      const html = render(paragraph({ type: 'link', url: 'https://e.com/"onmouseover="alert(1)', children: [text('x')] }));
      expect(html).toContain('href="https://e.com/&quot;onmouseover=&quot;alert(1)"');
      expect(html).not.toContain('"onmouseover="');
    });

    it('drops images with unsafe sources', () => {
      for (const url of ['javascript:alert(1)', '//evil.com/x.png', 'data:image/svg+xml,<svg onload=alert(1)>']) {
        expect(render({ type: 'image', image: { url }, children: [] })).toBe('');
      }
    });

    it('never trusts unknown nodes: only their text survives', () => {
      expect(render({ type: 'html', value: '<script>alert(1)</script>', children: [text('<b>t</b>')] })).toBe('<p>&lt;b&gt;t&lt;/b&gt;</p>');
      expect(render(paragraph({ type: 'raw', html: '<script>', children: [text('k')] }))).toBe('<p>k</p>');
    });
  });

  it('survives malformed input', () => {
    expect(renderBlocks(null, options)).toBe('');
    expect(renderBlocks('<script>', options)).toBe('');
    expect(renderBlocks({ type: 'paragraph' }, options)).toBe('');
    expect(render(null, 42, 'x', { type: 'paragraph', children: 'nope' }, { type: 'list', children: [null, 1] })).toBe('');
    // Absurd nesting is cut off instead of overflowing the stack.
    let deep: Record<string, unknown> = text('bottom');
    for (let i = 0; i < 10_000; i += 1) deep = { type: 'link', url: '/x', children: [deep] };
    expect(() => render(paragraph(deep))).not.toThrow();
  });
});

describe('safeLinkUrl', () => {
  it('accepts http(s), mailto and same-site targets', () => {
    expect(safeLinkUrl('https://a.b')).toEqual({ href: 'https://a.b', external: true });
    expect(safeLinkUrl('mailto:a@b.c')).toEqual({ href: 'mailto:a@b.c', external: true });
    expect(safeLinkUrl('#part')).toEqual({ href: '#part', external: false });
    expect(safeLinkUrl('/a')).toEqual({ href: '/a', external: false });
  });

  it('refuses the rest', () => {
    expect(safeLinkUrl('javascript:x')).toBeNull();
    expect(safeLinkUrl('relative/path')).toBeNull();
    expect(safeLinkUrl(42)).toBeNull();
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('images of a paid lesson body (locked in the CMS)', () => {
  const locked = { mediaBase: 'http://cms.test', lockedMediaProxy: '/courses/intro/lessons/abc123/media' };
  const image = (url: string, extra: Record<string, unknown> = {}) => ({ type: 'image', image: { url, ...extra }, children: [] });

  it('go through the lesson media proxy with the CMS path as file', () => {
    expect(renderBlocks([image('/uploads/slide_ab12.png', { alternativeText: 'a "b"' })], locked)).toBe(
      '<figure><img src="/courses/intro/lessons/abc123/media?file=%2Fuploads%2Fslide_ab12.png" alt="a &quot;b&quot;" loading="lazy" decoding="async"></figure>',
    );
    expect(bodyImageSrc('http://cms.test/uploads/slide_ab12.png', locked)).toBe('/courses/intro/lessons/abc123/media?file=%2Fuploads%2Fslide_ab12.png');
  });

  it('never leak the CMS upload URL', () => {
    const html = renderBlocks([image('/uploads/slide_ab12.png'), image('http://cms.test/uploads/x_1.png')], locked);
    expect(html).not.toContain('cms.test');
    expect(html).not.toContain('src="/uploads');
  });

  it('keep escaping: a hostile file name cannot break out of the attribute', () => {
    const html = renderBlocks([image('/uploads/a"><script>alert(1)</script>.png')], locked);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('a"');
    expect(html).toContain('file=%2Fuploads%2Fa%22%3E%3Cscript%3E');
  });

  it('keep other hosts (a cloud bucket) as they are and still refuse unsafe sources', () => {
    expect(bodyImageSrc('https://bucket.example.com/x.png', locked)).toBe('https://bucket.example.com/x.png');
    for (const url of ['javascript:alert(1)', '//evil.com/x.png', 'data:image/png;base64,AAAA', '/uploads\\x.png']) {
      expect(renderBlocks([image(url)], locked), url).toBe('');
    }
  });

  it('stay direct CMS URLs when no proxy is given (free previews, course descriptions)', () => {
    expect(renderBlocks([image('/uploads/p.png')], { mediaBase: 'http://cms.test' })).toContain('src="http://cms.test/uploads/p.png"');
  });
});

describe('cmsMediaPath', () => {
  it('is the path of CMS-hosted URLs only', () => {
    expect(cmsMediaPath('/uploads/a.png', 'http://cms.test')).toBe('/uploads/a.png');
    expect(cmsMediaPath('http://cms.test/uploads/a.png', 'http://cms.test/')).toBe('/uploads/a.png');
    expect(cmsMediaPath('http://other.test/uploads/a.png', 'http://cms.test')).toBeNull();
    expect(cmsMediaPath('//cms.test/uploads/a.png', 'http://cms.test')).toBeNull();
    expect(cmsMediaPath('javascript:alert(1)', 'http://cms.test')).toBeNull();
  });
});
