import { describe, expect, it } from 'vitest';
import type { LessonBundle } from '../bundles/bundle-schema';
import type { Course } from './course-schema';
import { localizeBundles, localizeCourse, localizeCourses, localizeTags } from './localize';

const lesson = (id: string, title: string, position: number) => ({ id, title, position, freePreview: false, durationSeconds: null, kind: null, visibility: null, visibleToPlans: [] });

const zh: Course = {
  id: 'doc1',
  title: '社群运营',
  slug: 'community-ops',
  summary: '中文简介',
  priceFen: 19900,
  level: 'beginner',
  visibility: 'public',
  visibleToPlans: [],
  cover: { url: 'http://cms/uploads/c.png', alt: '' },
  instructor: { id: 'ins1', name: '林小满', title: '主理人', bio: '中文', avatarUrl: 'http://cms/uploads/a.png' },
  tags: [
    { name: '社群运营', slug: 'community-ops' },
    { name: '私域增长', slug: 'private-traffic' },
  ],
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '中文' }] }],
  lessons: [lesson('l1', '第一讲', 1), lesson('l2', '第二讲', 2)],
};

const en: Course = {
  ...zh,
  title: 'Community operations',
  summary: 'English summary',
  cover: null,
  instructor: { id: 'ins1', name: 'Lin Xiaoman', title: 'Host', bio: null, avatarUrl: null },
  tags: [{ name: 'Community operations', slug: 'community-ops' }],
  body: [],
  // A translated course links translated lessons only: here just one.
  lessons: [lesson('l2', 'Lesson two', 2)],
};

describe('localizeCourse', () => {
  it('keeps the zh-CN course when there is no translation', () => {
    expect(localizeCourse(zh, null)).toBe(zh);
    expect(localizeCourse(zh, { ...en, id: 'other' })).toBe(zh);
  });

  it('takes the translated texts and keeps the zh-CN structure (price, lessons, cover, slug)', () => {
    const course = localizeCourse(zh, en);
    expect(course).toMatchObject({ id: 'doc1', slug: 'community-ops', priceFen: 19900, title: 'Community operations', summary: 'English summary' });
    expect(course.cover).toEqual(zh.cover);
    expect(course.lessons.map((l) => [l.id, l.title])).toEqual([
      ['l1', '第一讲'],
      ['l2', 'Lesson two'],
    ]);
    expect(course.tags).toEqual([
      { name: 'Community operations', slug: 'community-ops' },
      { name: '私域增长', slug: 'private-traffic' },
    ]);
    expect(course.instructor).toEqual({ id: 'ins1', name: 'Lin Xiaoman', title: 'Host', bio: '中文', avatarUrl: 'http://cms/uploads/a.png' });
  });

  it('falls back field by field: an empty body or a missing summary stays zh-CN', () => {
    const course = localizeCourse(zh, { ...en, summary: null });
    expect(course.body).toEqual(zh.body);
    expect(course.summary).toBe('中文简介');
  });
});

describe('localizeCourses / localizeTags / localizeBundles', () => {
  it('keeps the base set and order', () => {
    const other: Course = { ...zh, id: 'doc2', title: '第二门课' };
    expect(localizeCourses([other, zh], [en]).map((c) => c.title)).toEqual(['第二门课', 'Community operations']);
  });

  it('renames tags by slug and bundles by id', () => {
    expect(localizeTags(zh.tags, en.tags).map((t) => t.name)).toEqual(['Community operations', '私域增长']);
    const bundle: LessonBundle = { id: 'b1', name: '试听包', slug: 'taster', priceFen: 2990, validityDays: 30, lessonIds: ['l1'] };
    expect(localizeBundles([bundle], new Map([['b1', 'Taster']]))[0]).toEqual({ ...bundle, name: 'Taster' });
    expect(localizeBundles([bundle], new Map())[0]).toEqual(bundle);
  });
});
