import { describe, expect, it } from 'vitest';
import { fileNamesOf, requestedFileName } from './lesson-media';

describe('requestedFileName', () => {
  it('resolves a request path the way a static file server would', () => {
    expect(requestedFileName('/uploads/talk_ab12.mp4')).toBe('talk_ab12.mp4');
    expect(requestedFileName('/./uploads/talk_ab12.mp4')).toBe('talk_ab12.mp4');
    expect(requestedFileName('//uploads//talk_ab12.mp4')).toBe('talk_ab12.mp4');
    expect(requestedFileName('/%75ploads/talk_%61b12.mp4')).toBe('talk_ab12.mp4');
    expect(requestedFileName('/uploads%2Ftalk_ab12.mp4')).toBe('talk_ab12.mp4');
    expect(requestedFileName('/uploads/x/../talk_AB12.MP4')).toBe('talk_ab12.mp4');
    expect(requestedFileName('/uploads\\talk_ab12.mp4')).toBe('talk_ab12.mp4');
    expect(requestedFileName('/')).toBe('');
  });

  it('says when a path cannot be decoded', () => {
    expect(requestedFileName('/uploads/%E0%A4%A')).toBeUndefined();
  });
});

describe('fileNamesOf', () => {
  it('lists the original, every format and the preview, and skips remote URLs', () => {
    expect(
      fileNamesOf({
        url: '/uploads/slide_ab12.png',
        previewUrl: null,
        formats: { thumbnail: { url: '/uploads/thumbnail_slide_ab12.png' }, small: { url: '/uploads/small_slide_ab12.png' } },
      }).sort()
    ).toEqual(['slide_ab12.png', 'small_slide_ab12.png', 'thumbnail_slide_ab12.png']);
    expect(fileNamesOf({ url: 'https://cdn.example.com/talk.mp4', formats: null })).toEqual([]);
  });
});

describe('bodyImagesOf', () => {
  it('finds image nodes at any depth and skips malformed ones', async () => {
    const { bodyImagesOf } = await import('./lesson-media');
    const body = [
      { type: 'paragraph', children: [{ type: 'text', text: 'hi' }] },
      { type: 'image', image: { url: '/uploads/a_1.png', hash: 'a_1' }, children: [] },
      { type: 'list', children: [{ type: 'list-item', children: [{ type: 'image', image: { url: '/uploads/b_2.png' } }] }] },
      { type: 'image', image: null },
      { type: 'image', image: 'nope' },
      null,
    ];
    expect(bodyImagesOf(body).map((i) => i.url)).toEqual(['/uploads/a_1.png', '/uploads/b_2.png']);
    expect(bodyImagesOf(null)).toEqual([]);
    expect(bodyImagesOf('x')).toEqual([]);
  });
});

describe('matchFile', () => {
  it('matches the file by URL, hash or file name, and its formats by URL or file name, nothing else', async () => {
    const { matchFile } = await import('./lesson-media');
    const file = {
      url: '/uploads/slide_ab12.png',
      hash: 'slide_ab12',
      mime: 'image/png',
      name: 'slide.png',
      formats: { thumbnail: { url: '/uploads/thumbnail_slide_ab12.png', mime: 'image/png', name: 'thumbnail_slide.png' } },
    };
    expect(matchFile(file, '/uploads/slide_ab12.png')).toEqual({ url: '/uploads/slide_ab12.png', mime: 'image/png', name: 'slide.png' });
    expect(matchFile(file, 'slide_ab12')?.url).toBe('/uploads/slide_ab12.png');
    expect(matchFile(file, 'http://cms.example/uploads/slide_ab12.png')?.url).toBe('/uploads/slide_ab12.png');
    expect(matchFile(file, '/uploads/thumbnail_slide_ab12.png')?.name).toBe('thumbnail_slide.png');
    expect(matchFile(file, '/uploads/other_cd34.png')).toBeNull();
    expect(matchFile(file, 'other_cd34')).toBeNull();
    expect(matchFile(file, '/')).toBeNull();
  });
});
