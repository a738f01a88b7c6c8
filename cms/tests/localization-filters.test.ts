import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import { COURSE, LESSON, TEST_ENV, graphql } from './helpers';

/** Text that exists only in versions nobody published: no public filter may match it. */
const SECRET = 'DRAFTSECRET42';
const DRAFT_EDIT = 'UNPUBLISHEDEDIT77';
const PUBLISHED_EN = 'PUBLISHEDENGLISH88';

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;
let hidden: string; // zh-CN published; en only a draft holding SECRET; zh-CN draft edited with DRAFT_EDIT
let shown: string; // zh-CN and en both published
let lessonId: string;

const rest = async (path: string) => {
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, json: (await response.json()) as any };
};
const ids = (data: { documentId: string }[] | undefined) => (data ?? []).map((d) => d.documentId);
const gql = (query: string, variables: Record<string, unknown> = {}) => graphql(app.url, query, variables);

beforeAll(async () => {
  app = await bootStrapi(TEST_ENV);
  strapi = app.strapi;
  const lesson = await strapi.documents(LESSON).create({ data: { title: '中文课时', position: 1 } as any, status: 'published' });
  lessonId = lesson.documentId;
  // The English lesson title is only a draft.
  await strapi.documents(LESSON).update({ documentId: lessonId, locale: 'en', data: { title: `Lesson ${SECRET}` } } as any);

  const zh = await strapi.documents(COURSE).create({
    data: { title: '已发布的中文课程', summary: '中文简介', price_fen: 100, lessons: [lessonId] } as any,
    status: 'published',
  });
  hidden = zh.documentId;
  await strapi.documents(COURSE).update({ documentId: hidden, locale: 'en', data: { title: 'Draft English', summary: `${SECRET} plans` } } as any);
  // Unpublished edits of the published zh-CN version (its own draft row).
  await strapi.documents(COURSE).update({ documentId: hidden, locale: 'zh-CN', data: { summary: `${DRAFT_EDIT} 改稿` } } as any);

  const both = await strapi.documents(COURSE).create({ data: { title: '双语已发布', summary: '中文', price_fen: 100 } as any, status: 'published' });
  shown = both.documentId;
  await strapi.documents(COURSE).update({
    documentId: shown,
    locale: 'en',
    data: { title: 'Published English', summary: `${PUBLISHED_EN} summary` },
    status: 'published',
  } as any);
});

afterAll(async () => {
  await app?.stop();
});

describe('filters through localizations match published versions only', () => {
  it('over REST: a draft-only translation (or an unpublished edit) cannot be probed', async () => {
    for (const filter of [
      `filters[localizations][summary][$startsWith]=${SECRET.slice(0, 6)}`,
      `filters[localizations][summary][$containsi]=${SECRET.toLowerCase()}`,
      `filters[localizations][title][$eq]=Draft%20English`,
      `filters[localizations][summary][$startsWith]=${DRAFT_EDIT}`,
      `filters[$or][0][localizations][summary][$startsWith]=${SECRET}&filters[$or][1][title][$eq]=nothing`,
      `filters[$and][0][localizations][publishedAt][$null]=true&filters[$and][1][localizations][summary][$startsWith]=${SECRET}`,
    ]) {
      const { status, json } = await rest(`/api/community/courses?${filter}`);
      expect(status, filter).toBe(200);
      expect(ids(json.data), filter).not.toContain(hidden);
      expect(json.meta.pagination.total, filter).toBe(0);
    }
    // Through a relation first: lessons of a course whose draft translation holds the word.
    const lessons = await rest(`/api/community/lessons?filters[course][localizations][summary][$startsWith]=${SECRET}`);
    expect(lessons.status).toBe(200);
    expect(ids(lessons.json.data)).toEqual([]);
    // In the filters of a populated relation.
    const populated = await rest(`/api/community/courses/${hidden}?populate[lessons][filters][localizations][title][$contains]=${SECRET}`);
    expect(populated.status).toBe(200);
    expect(populated.json.data.lessons).toEqual([]);
  });

  it('over REST: a published translation still matches', async () => {
    const { status, json } = await rest(`/api/community/courses?filters[localizations][summary][$startsWith]=${PUBLISHED_EN}`);
    expect(status).toBe(200);
    expect(ids(json.data)).toEqual([shown]);
    const lesson = await rest(`/api/community/courses/${hidden}?populate[lessons][filters][localizations][title][$eq]=${encodeURIComponent('中文课时')}`);
    expect(lesson.json.data.lessons.map((l: { title: string }) => l.title)).toEqual(['中文课时']);
  });

  it('over GraphQL: root filters, relation-field filters and connections', async () => {
    for (const [query, pick] of [
      [`{ communityCourses(filters: { localizations: { summary: { startsWith: "${SECRET.slice(0, 6)}" } } }) { documentId } }`, 'communityCourses'],
      [`{ communityCourses(filters: { or: [{ localizations: { summary: { contains: "${SECRET}" } } }] }) { documentId } }`, 'communityCourses'],
      [`{ communityCourses(filters: { localizations: { summary: { startsWith: "${DRAFT_EDIT}" } } }) { documentId } }`, 'communityCourses'],
      [`{ communityLessons(filters: { course: { localizations: { summary: { startsWith: "${SECRET}" } } } }) { documentId } }`, 'communityLessons'],
    ] as const) {
      const { data, errors } = await gql(query);
      expect(errors, query).toBeUndefined();
      expect(ids(data[pick]), query).toEqual([]);
    }
    const total = await gql(`{ communityCourses_connection(filters: { localizations: { summary: { startsWith: "${SECRET}" } } }) { pageInfo { total } } }`);
    expect(total.errors).toBeUndefined();
    expect(total.data.communityCourses_connection.pageInfo.total).toBe(0);

    const nested = await gql(`query($id: ID!) {
      communityCourse(documentId: $id) {
        lessons(filters: { localizations: { title: { contains: "${SECRET}" } } }) { title }
        lessons_connection(filters: { localizations: { title: { contains: "${SECRET}" } } }) { nodes { title } }
      }
    }`, { id: hidden });
    expect(nested.errors).toBeUndefined();
    expect(nested.data.communityCourse.lessons).toEqual([]);
    expect(nested.data.communityCourse.lessons_connection.nodes).toEqual([]);
  });

  it('over GraphQL: a published translation still matches', async () => {
    const { data, errors } = await gql(`{ communityCourses(filters: { localizations: { summary: { startsWith: "${PUBLISHED_EN}" } } }) { documentId } }`);
    expect(errors).toBeUndefined();
    expect(ids(data.communityCourses)).toEqual([shown]);
    const nested = await gql(`query($id: ID!) { communityCourse(documentId: $id) { lessons(filters: { localizations: { title: { eq: "中文课时" } } }) { title } } }`, {
      id: hidden,
    });
    expect(nested.errors).toBeUndefined();
    expect(nested.data.communityCourse.lessons).toEqual([{ title: '中文课时' }]);
  });

  it('refuses sorting through localizations (the order would rank draft text), over REST and GraphQL', async () => {
    for (const path of [
      '/api/community/courses?sort=localizations.summary:asc',
      '/api/community/courses?sort[0][localizations][summary]=desc',
      `/api/community/courses/${hidden}?populate[lessons][sort]=localizations.title:asc`,
    ]) {
      const { status, json } = await rest(path);
      expect(status, path).toBe(400);
      expect(json.error.message, path).toBe('sorting through localizations is not allowed');
    }
    for (const query of [
      '{ communityCourses(sort: "localizations.summary:asc") { documentId } }',
      `{ communityCourse(documentId: "${hidden}") { lessons(sort: "localizations.title:desc") { title } } }`,
    ]) {
      const { data, errors } = await gql(query);
      expect(errors?.[0].message, query).toBe('sorting through localizations is not allowed');
      expect(JSON.stringify(data ?? null), query).not.toContain('中文课时');
    }
    // Other sorts work as before.
    expect((await rest('/api/community/courses?sort=title:asc')).status).toBe(200);
  });

  it('leaves API-token callers (trusted servers) unchanged', async () => {
    // Server code reads drafts on purpose, filters included.
    const drafts = await strapi.documents(COURSE).findMany({ status: 'draft', filters: { localizations: { summary: { $startsWith: SECRET } } } } as any);
    expect(drafts.map((d: { documentId: string }) => d.documentId)).toContain(hidden);
  });
});
