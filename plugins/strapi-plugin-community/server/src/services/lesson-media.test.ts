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
