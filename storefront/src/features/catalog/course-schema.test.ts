import { describe, expect, it } from 'vitest';
import { coursesResponseSchema, isCourseLevel, toCourse } from './course-schema';

const raw = {
  documentId: 'Abc123XYZ',
  title: 'Python 入门',
  slug: 'python-basics',
  summary: '  从零开始  ',
  price_fen: 19900,
  lessons: [
    { documentId: 'l2', title: '第二讲', position: 2, free_preview: false },
    { documentId: 'l1', title: '第一讲', position: 1, free_preview: true },
  ],
};

const full = {
  ...raw,
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '介绍' }] }],
  level: 'beginner',
  visibility: 'public',
  cover: { url: '/uploads/cover.png', alternativeText: '封面' },
  instructor: { documentId: 'i1', name: '王老师', title: ' 讲师 ', bio: '简介', avatar: { url: '/uploads/a.png' } },
  interest_tags: [{ name: '编程', slug: 'code' }, { name: '无 slug', slug: null }, null],
  lessons: [
    { documentId: 'l1', title: '第一讲', position: 1, free_preview: true, duration_seconds: 600, kind: 'video' },
    { documentId: 'l2', title: '第二讲', position: 2, free_preview: false, duration_seconds: null, kind: 'hologram' },
  ],
};

describe('course schema', () => {
  it('parses a minimal CMS response (a list query) and maps it to a Course', () => {
    const parsed = coursesResponseSchema.parse({ communityCourses: [raw] });
    const course = toCourse(parsed.communityCourses[0]!);
    expect(course).toEqual({
      id: 'Abc123XYZ',
      title: 'Python 入门',
      slug: 'python-basics',
      summary: '从零开始',
      priceFen: 19900,
      level: null,
      visibility: null,
      visibleToPlans: [],
      cover: null,
      instructor: null,
      tags: [],
      body: null,
      lessons: [
        { id: 'l1', title: '第一讲', position: 1, freePreview: true, durationSeconds: null, kind: null, visibility: null, visibleToPlans: [] },
        { id: 'l2', title: '第二讲', position: 2, freePreview: false, durationSeconds: null, kind: null, visibility: null, visibleToPlans: [] },
      ],
    });
  });

  it('maps course and lesson visibility and their plan handles', () => {
    const parsed = coursesResponseSchema.parse({
      communityCourses: [
        {
          ...raw,
          price_fen: null,
          visibility: 'plans',
          visible_to_plans: ['yearly', 'lifetime'],
          lessons: [
            { documentId: 'l1', title: '一', position: 1, free_preview: false, visibility: 'members', visible_to_plans: null },
            { documentId: 'l2', title: '二', position: 2, free_preview: false },
          ],
        },
      ],
    });
    const course = toCourse(parsed.communityCourses[0]!)!;
    expect(course.visibility).toBe('plans');
    expect(course.visibleToPlans).toEqual(['yearly', 'lifetime']);
    expect(course.lessons.map((lesson) => [lesson.visibility, lesson.visibleToPlans])).toEqual([
      ['members', []],
      [null, []],
    ]);
  });

  it('maps the course page fields and makes media URLs absolute', () => {
    const parsed = coursesResponseSchema.parse({ communityCourses: [full] });
    const course = toCourse(parsed.communityCourses[0]!, { mediaBase: 'http://cms.test/' })!;
    expect(course.level).toBe('beginner');
    expect(course.cover).toEqual({ url: 'http://cms.test/uploads/cover.png', alt: '封面' });
    expect(course.instructor).toEqual({
      id: 'i1',
      name: '王老师',
      title: '讲师',
      bio: '简介',
      avatarUrl: 'http://cms.test/uploads/a.png',
    });
    expect(course.tags).toEqual([{ name: '编程', slug: 'code' }]);
    expect(course.body).toEqual(full.body);
    expect(course.lessons.map((l) => [l.durationSeconds, l.kind])).toEqual([
      [600, 'video'],
      [null, null],
    ]);
  });

  it('degrades unknown levels to null instead of failing', () => {
    const parsed = coursesResponseSchema.parse({ communityCourses: [{ ...raw, level: 'expert' }] });
    expect(toCourse(parsed.communityCourses[0]!)?.level).toBeNull();
    expect(isCourseLevel('advanced')).toBe(true);
    expect(isCourseLevel('expert')).toBe(false);
  });

  it('accepts a null price (not for sale) and null free_preview', () => {
    const parsed = coursesResponseSchema.parse({
      communityCourses: [
        { ...raw, price_fen: null, lessons: [{ ...raw.lessons[0], free_preview: null }] },
      ],
    });
    const course = toCourse(parsed.communityCourses[0]!);
    expect(course?.priceFen).toBeNull();
    expect(course?.lessons[0]?.freePreview).toBe(false);
  });

  it('drops courses without a slug', () => {
    expect(toCourse({ ...coursesResponseSchema.parse({ communityCourses: [raw] }).communityCourses[0]!, slug: null })).toBeNull();
  });

  it('rejects responses that break the contract', () => {
    expect(() => coursesResponseSchema.parse({ communityCourses: [{ ...raw, price_fen: 1.5 }] })).toThrow();
    expect(() => coursesResponseSchema.parse({ courses: [] })).toThrow();
  });
});
