import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import { COURSE, INSTRUCTOR, LESSON, LESSON_CONTENT_ACTION, TEST_ENV, blocks, createApiToken, measured } from './helpers';

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;
let course: { documentId: string };
let lesson: { documentId: string };

/** `populate[a][populate][b]…[populate][z]=true` */
const nested = (names: string[]) => `populate${names.map((name, i) => `${i ? '[populate]' : ''}[${name}]`).join('')}=true`;
const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, bytes: text.length, json: JSON.parse(text) };
};

beforeAll(async () => {
  app = await bootStrapi(TEST_ENV);
  strapi = app.strapi;
  const instructor = await strapi.documents(INSTRUCTOR).create({ data: { name: '深度讲师' } as any, status: 'published' });
  const lessons = [];
  for (let position = 1; position <= 3; position += 1) {
    lessons.push(await strapi.documents(LESSON).create({ data: { title: `深度第${position}讲`, position, body: blocks('付费正文') } as any, status: 'published' }));
  }
  lesson = lessons[0];
  course = await strapi.documents(COURSE).create({
    data: { title: '深度课程', price_fen: 100, instructor: instructor.documentId, lessons: lessons.map((l) => l.documentId) } as any,
    status: 'published',
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('REST populate depth', () => {
  it('answers 400 to a populate 7 levels deep, before reading anything', async () => {
    const seven = nested(['lessons', 'course', 'lessons', 'course', 'lessons', 'course', 'lessons']);
    // The plugin's /uploads guard loads its (cached) set of locked files on the first GET after a lesson write.
    await get('/api/community/courses?populate=lessons');
    const { result: response, sql, cpuMs } = await measured(strapi, (probe) => get(`/api/community/courses?${seven}`, { 'x-probe': probe }));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'populate reaches 7 relation levels; at most 3 are allowed',
        details: { depth: 7, maxDepth: 3 },
      },
    });
    // Refused before routing: not even the public role's permissions were read.
    expect(sql).toEqual([]);
    expect(cpuMs).toBeLessThan(50);
    expect(response.bytes).toBeLessThan(300);
  });

  it('counts every spelling: dotted paths, arrays, deep wildcards, an upper-case path', async () => {
    for (const path of [
      `/api/community/courses?${nested(['lessons', 'course', 'lessons', 'course'])}`,
      '/api/community/courses?populate=lessons.course.lessons.course',
      '/api/community/courses?populate[0]=instructor&populate[1]=lessons.course.lessons.course',
      '/api/community/courses?populate[lessons][populate][course][populate][lessons][populate]=*',
      `/API/community/courses/${course.documentId}?${nested(['lessons', 'course', 'lessons', 'course'])}`,
      `/api/community/lessons/${lesson.documentId}?${nested(['course', 'lessons', 'course', 'lessons'])}`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.json.error.message, path).toBe('populate reaches 4 relation levels; at most 3 are allowed');
    }
  });

  it('still serves populates up to 3 levels, wildcards included', async () => {
    const three = await get(`/api/community/courses/${course.documentId}?${nested(['lessons', 'course', 'instructor'])}`);
    expect(three.status).toBe(200);
    expect(three.json.data.lessons).toHaveLength(3);
    expect(three.json.data.lessons[0].course.instructor.name).toBe('深度讲师');

    for (const path of [
      `/api/community/courses/${course.documentId}?populate=*`,
      `/api/community/courses/${course.documentId}?populate[lessons][populate]=*`,
      `/api/community/courses/${course.documentId}?populate=lessons`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.json.data.lessons, path).toHaveLength(3);
    }
  });

  it('keeps maxLimit and strictParams', async () => {
    const big = await get('/api/community/lessons?pagination[pageSize]=1000');
    expect(big.status).toBe(200);
    expect(big.json.meta.pagination.pageSize).toBe(100);
    const unknown = await get('/api/community/lessons?nosuchparam=1');
    expect(unknown.status).toBe(400);
  });

  it('leaves the storefront server’s REST call (locked lesson content) working', async () => {
    const token = await createApiToken(strapi, 'depth-storefront', 'custom', [LESSON_CONTENT_ACTION]);
    const response = await get(`/api/community/lessons/${lesson.documentId}/content?locale=zh-CN`, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.json.data.documentId).toBe(lesson.documentId);
    expect(JSON.stringify(response.json.data.body)).toContain('付费正文');
  });
});
