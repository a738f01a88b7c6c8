import { describe, expect, it } from 'vitest';
import { lessonAudienceIn } from '@community/contracts';
import catalogSync from './catalog-sync';
import { COURSE_UID, LESSON_UID } from '../uids';

type Course = { documentId: string; slug: string; title: string; summary: string | null; price_fen: number | null; visibility: string | null; visible_to_plans: unknown };
type Lesson = { documentId: string; course: string; position: number; published: boolean; visibility?: string | null; visible_to_plans?: unknown };

/**
 * Just the document-service reads the course payload makes: the published course, its lessons'
 * draft links, and which of those lessons are published (with their published fields).
 */
function fakeStrapi(courses: Course[], lessons: Lesson[]) {
  const documents = (uid: string) => ({
    async findOne({ documentId, status }: { documentId: string; status: string }) {
      if (uid !== COURSE_UID || status !== 'published') throw new Error(`unexpected findOne ${uid} ${status}`);
      return courses.find((c) => c.documentId === documentId) ?? null;
    },
    async findMany({ status, filters }: { status: string; filters: any }) {
      if (uid !== LESSON_UID) throw new Error(`unexpected findMany ${uid}`);
      if (filters.course) return lessons.filter((l) => l.course === filters.course.documentId).map((l) => ({ documentId: l.documentId }));
      const ids: string[] = filters.documentId.$in;
      return lessons
        .filter((l) => ids.includes(l.documentId) && (status !== 'published' || l.published))
        .sort((a, b) => a.position - b.position)
        .map(({ documentId, position, visibility, visible_to_plans }) => ({ documentId, position, visibility, visible_to_plans }));
    },
  });
  return { plugin: () => undefined, documents, db: { query: () => ({}) }, config: { get: () => ({}) }, log: console } as any;
}

const course = (overrides: Partial<Course> = {}): Course => ({
  documentId: 'C1',
  slug: 'c1',
  title: 'Course',
  summary: null,
  price_fen: 19900,
  visibility: 'public',
  visible_to_plans: null,
  ...overrides,
});

describe('course payload: visibility for commerce', () => {
  it('carries the course mark and the published lessons that are not public', async () => {
    const sync = catalogSync({
      strapi: fakeStrapi(
        [course({ visibility: 'plans', visible_to_plans: ['yearly', 'lifetime'] })],
        [
          { documentId: 'L1', course: 'C1', position: 1, published: true, visibility: 'public' },
          { documentId: 'L2', course: 'C1', position: 2, published: true, visibility: 'plans', visible_to_plans: ['lifetime'] },
          { documentId: 'L3', course: 'C1', position: 3, published: true, visibility: 'members' },
          { documentId: 'L4', course: 'C1', position: 4, published: false, visibility: 'members' },
        ]
      ),
    });
    const payload = await sync.buildPayload(COURSE_UID, 'C1');
    expect(payload).toMatchObject({
      kind: 'course',
      state: 'published',
      lesson_document_ids: ['L1', 'L2', 'L3'],
      visibility: 'plans',
      visible_to_plans: ['yearly', 'lifetime'],
      lesson_visibility: [
        { lesson_document_id: 'L2', visibility: 'plans', visible_to_plans: ['lifetime'] },
        { lesson_document_id: 'L3', visibility: 'members', visible_to_plans: [] },
      ],
    });
    // What commerce will decode: the stricter of course and lesson.
    if (payload.kind !== 'course') throw new Error('course expected');
    expect(lessonAudienceIn(payload, 'L1')).toEqual({ visibility: 'plans', plans: ['yearly', 'lifetime'] });
    expect(lessonAudienceIn(payload, 'L2')).toEqual({ visibility: 'plans', plans: ['lifetime'] });
    expect(lessonAudienceIn(payload, 'L3')).toEqual({ visibility: 'plans', plans: ['yearly', 'lifetime'] });
  });

  it('delivers a members-only course without a price as archived, with its visibility', async () => {
    const sync = catalogSync({
      strapi: fakeStrapi([course({ price_fen: null, visibility: 'members' })], [{ documentId: 'L1', course: 'C1', position: 1, published: true }]),
    });
    const offer = await sync.buildOffer(COURSE_UID, 'C1');
    expect(offer.payload).toMatchObject({ state: 'archived', price_fen: null, visibility: 'members', visible_to_plans: [], lesson_visibility: [] });
    expect(offer.notForSaleReason).toMatch(/Members only/);
  });

  it('a withdrawn (unpublished or deleted) course opens nothing through membership', async () => {
    const sync = catalogSync({ strapi: fakeStrapi([], []) });
    expect(await sync.buildPayload(COURSE_UID, 'Gone')).toEqual({
      document_id: 'Gone',
      kind: 'course',
      state: 'archived',
      price_fen: null,
      lesson_document_ids: [],
      visibility: 'public',
      visible_to_plans: [],
      lesson_visibility: [],
      cms_updated_at: expect.any(String),
    });
  });
});
