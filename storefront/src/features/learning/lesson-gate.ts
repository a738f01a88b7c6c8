/** Who may see a lesson's content, decided on the server before any content is fetched. */
export type LessonGate =
  | { kind: 'open' }
  /** Locked and nobody is signed in: a lock screen with sign-in and buy links (HTTP 200). */
  | { kind: 'signed-out' }
  /** Signed in without access (HTTP 403). */
  | { kind: 'forbidden' }
  /** Signed in, access has ended (HTTP 403). */
  | { kind: 'expired'; expiresAt: string | null };

export interface LessonGateInput {
  freePreview: boolean;
  /** Commerce's answer for the signed-in customer; null when nobody is signed in. */
  access: { allowed: boolean; reason: string; expires_at?: string | null } | null;
}

/** Free previews are open to anyone; anything else only when commerce says so. */
export function lessonGate({ freePreview, access }: LessonGateInput): LessonGate {
  if (freePreview) return { kind: 'open' };
  if (!access) return { kind: 'signed-out' };
  if (access.allowed) return { kind: 'open' };
  if (access.reason === 'expired') return { kind: 'expired', expiresAt: access.expires_at ?? null };
  return { kind: 'forbidden' };
}

/** The HTTP status of a lesson page. */
export function lessonGateStatus(gate: LessonGate): 200 | 403 {
  return gate.kind === 'forbidden' || gate.kind === 'expired' ? 403 : 200;
}

export type MediaPresentation = 'video' | 'audio' | 'image' | 'file';

/** How a lesson's media file is shown: by its MIME type, else by the lesson's kind. */
export function mediaPresentation(mime: string | null, kind: string | null): MediaPresentation {
  const type = mime?.toLowerCase() ?? '';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('image/') && type !== 'image/svg+xml') return 'image';
  if (!type && (kind === 'video' || kind === 'audio')) return kind;
  return 'file';
}
