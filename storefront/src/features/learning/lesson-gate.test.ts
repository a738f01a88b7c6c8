import { describe, expect, it } from 'vitest';
import { lessonGate, lessonGateStatus, mediaPresentation } from './lesson-gate';

describe('lessonGate', () => {
  it('opens free previews to anyone, without asking commerce', () => {
    expect(lessonGate({ freePreview: true, access: null })).toEqual({ kind: 'open' });
    expect(lessonGate({ freePreview: true, access: { allowed: false, reason: 'none' } })).toEqual({ kind: 'open' });
  });

  it('locks paid lessons for visitors (a 200 lock screen)', () => {
    const gate = lessonGate({ freePreview: false, access: null });
    expect(gate).toEqual({ kind: 'signed-out' });
    expect(lessonGateStatus(gate)).toBe(200);
  });

  it('opens paid lessons only when commerce allows', () => {
    expect(lessonGate({ freePreview: false, access: { allowed: true, reason: 'bundle', expires_at: null } })).toEqual({ kind: 'open' });
    const none = lessonGate({ freePreview: false, access: { allowed: false, reason: 'none', expires_at: null } });
    expect(none).toEqual({ kind: 'forbidden' });
    expect(lessonGateStatus(none)).toBe(403);
    const expired = lessonGate({ freePreview: false, access: { allowed: false, reason: 'expired', expires_at: '2026-01-01T00:00:00Z' } });
    expect(expired).toEqual({ kind: 'expired', expiresAt: '2026-01-01T00:00:00Z' });
    expect(lessonGateStatus(expired)).toBe(403);
  });
});

describe('mediaPresentation', () => {
  it('follows the MIME type, then the lesson kind', () => {
    expect(mediaPresentation('video/mp4', 'text')).toBe('video');
    expect(mediaPresentation('audio/mpeg', null)).toBe('audio');
    expect(mediaPresentation('image/png', null)).toBe('image');
    expect(mediaPresentation('image/svg+xml', null)).toBe('file');
    expect(mediaPresentation('application/pdf', 'video')).toBe('file');
    expect(mediaPresentation(null, 'audio')).toBe('audio');
    expect(mediaPresentation(null, 'text')).toBe('file');
  });
});
