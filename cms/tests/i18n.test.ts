import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import { COURSE, INSTRUCTOR, LESSON, LESSON_CONTENT_ACTION, SYNC_STATE, TAG, TEST_ENV, blocks, createApiToken, graphql, waitFor } from './helpers';
import { DEMO_COURSE_SLUG, DEMO_TRANSLATIONS, seedDemoContent } from '../src/bootstrap/seed-demo-content';

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;
let token: string;

const TW = 'zh-Hant-TW';
const rest = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
};
const gql = (query: string, variables: Record<string, unknown> = {}) => graphql(app.url, query, variables);
const changeSeq = async (uid: string, documentId: string) =>
  ((await strapi.db.query(SYNC_STATE).findOne({ where: { target_uid: uid, target_document_id: documentId } })) as { change_seq: number } | null)
    ?.change_seq ?? 0;

beforeAll(async () => {
  app = await bootStrapi(TEST_ENV);
  strapi = app.strapi;
  token = await createApiToken(strapi, 'i18n-storefront', 'custom', [LESSON_CONTENT_ACTION]);
});

afterAll(async () => {
  await app?.stop();
});

describe('content locales', () => {
  it('has zh-CN (default), zh-Hant-TW and en, and puts documents created without a locale in zh-CN', async () => {
    const locales = strapi.plugin('i18n').service('locales');
    const codes = ((await locales.find()) as { code: string }[]).map((l) => l.code);
    expect(codes).toEqual(expect.arrayContaining(['zh-CN', TW, 'en']));
    expect(await locales.getDefaultLocale()).toBe('zh-CN');

    const course = await strapi.documents(COURSE).create({ data: { title: '没有指定语言的课程' } });
    expect(course.locale).toBe('zh-CN');
    const row = await strapi.db.query(COURSE).findOne({ where: { documentId: course.documentId } });
    expect(row.locale).toBe('zh-CN');
  });

  it('keeps locales and the default across restarts (bootstrap is idempotent)', async () => {
    const { ensureLocales } = await import('../src/bootstrap/locales');
    await ensureLocales(strapi);
    const rows = (await strapi.plugin('i18n').service('locales').find()) as { code: string }[];
    expect(rows.filter((l) => l.code === 'zh-CN')).toHaveLength(1);
    expect(await strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('zh-CN');
  });
});

describe('a course translated into English', () => {
  let documentId: string;

  beforeAll(async () => {
    const zh = await strapi.documents(COURSE).create({
      data: { title: '双语课程', summary: '中文简介', price_fen: 4990, level: 'beginner' } as any,
      status: 'published',
    });
    documentId = zh.documentId;
    await strapi.documents(COURSE).update({
      documentId,
      locale: 'en',
      data: { title: 'Bilingual course', summary: 'English summary', body: blocks('English body') } as any,
      status: 'published',
    } as any);
  });

  it('is readable over REST with ?locale=en, the zh-CN version staying the default', async () => {
    const en = await rest(`/api/community/courses/${documentId}?locale=en`);
    expect(en.status).toBe(200);
    expect(en.json.data).toMatchObject({ title: 'Bilingual course', summary: 'English summary', locale: 'en', price_fen: 4990, level: 'beginner' });
    const zh = await rest(`/api/community/courses/${documentId}`);
    expect(zh.json.data).toMatchObject({ title: '双语课程', locale: 'zh-CN' });
    const list = await rest(`/api/community/courses?locale=en&pagination[pageSize]=100`);
    expect(list.json.data.map((c: { title: string }) => c.title)).toContain('Bilingual course');
    expect(list.json.data.map((c: { title: string }) => c.title)).not.toContain('双语课程');
  });

  it('is readable over GraphQL with locale: "en"', async () => {
    const { data, errors } = await gql(
      `query($id: ID!) { communityCourse(documentId: $id, locale: "en") { title summary price_fen locale } communityCourses(locale: "en", pagination: { limit: 100 }) { title } }`,
      { id: documentId }
    );
    expect(errors).toBeUndefined();
    expect(data.communityCourse).toEqual({ title: 'Bilingual course', summary: 'English summary', price_fen: 4990, locale: 'en' });
    expect(data.communityCourses.map((c: { title: string }) => c.title)).toContain('Bilingual course');
  });

  it('shares the slug and the non-localized fields (price) across locales', async () => {
    const versions = await strapi.db.query(COURSE).findMany({ where: { documentId } });
    expect(new Set(versions.map((v: { slug: string }) => v.slug)).size).toBe(1);
    await strapi.documents(COURSE).update({ documentId, data: { price_fen: 5990 } as any, status: 'published' } as any);
    const enVersion = await strapi.documents(COURSE).findOne({ documentId, locale: 'en', status: 'published' } as any);
    expect(enVersion).toMatchObject({ price_fen: 5990, title: 'Bilingual course' });

    // A slug change in the default locale moves every locale; a translation cannot take its own.
    await strapi.documents(COURSE).update({ documentId, data: { slug: 'bilingual-course' } as any });
    await strapi.documents(COURSE).update({ documentId, locale: 'en', data: { slug: 'english-only-slug' } as any } as any);
    const drafts = await strapi.db.query(COURSE).findMany({ where: { documentId, publishedAt: null } });
    expect(drafts.map((d: { slug: string }) => d.slug)).toEqual(['bilingual-course', 'bilingual-course']);
    // Published versions follow once zh-CN is published with the new slug.
    await strapi.documents(COURSE).publish({ documentId } as any);
    const all = await strapi.db.query(COURSE).findMany({ where: { documentId } });
    expect(all).toHaveLength(4);
    expect(new Set(all.map((d: { slug: string }) => d.slug))).toEqual(new Set(['bilingual-course']));
    const en = await rest(`/api/community/courses?locale=en&filters[slug][$eq]=bilingual-course`);
    expect(en.json.data.map((c: { title: string }) => c.title)).toEqual(['Bilingual course']);
  });
});

describe('drafts stay hidden in every locale', () => {
  let documentId: string;
  let lessonId: string;
  const SECRET = 'i18n-locked-secret-body';

  beforeAll(async () => {
    // zh-CN published; the en version is only a draft.
    const zh = await strapi.documents(COURSE).create({ data: { title: '已发布中文版', price_fen: 100 } as any, status: 'published' });
    documentId = zh.documentId;
    await strapi.documents(COURSE).update({ documentId, locale: 'en', data: { title: 'Unpublished English draft' } } as any);
    const lesson = await strapi.documents(LESSON).create({ data: { title: '中文课时', position: 1, body: blocks(`zh ${SECRET}`) } as any, status: 'published' });
    lessonId = lesson.documentId;
    await strapi.documents(LESSON).update({
      documentId: lessonId,
      locale: 'en',
      data: { title: 'English lesson', body: blocks(`en ${SECRET}`) } as any,
      status: 'published',
    } as any);
    await strapi.documents(LESSON).update({ documentId: lessonId, locale: TW, data: { title: '繁體草稿課時', body: blocks(`tw ${SECRET}`) } as any } as any);
  });

  it('over REST (?locale=en&status=draft, ?locale=*, populate=localizations)', async () => {
    for (const path of [
      `/api/community/courses?locale=en&status=draft`,
      `/api/community/courses/${documentId}?locale=en&status=draft`,
      `/api/community/courses?locale=*&status=draft&pagination[pageSize]=100`,
      `/api/community/courses?locale=all&status=draft`,
      `/api/community/courses/${documentId}?populate=localizations&status=draft`,
      `/api/community/courses?populate=*&status=draft&locale=*`,
    ]) {
      const response = await rest(path);
      expect(response.text, path).not.toContain('Unpublished English draft');
    }
    expect((await rest(`/api/community/courses/${documentId}?locale=en&status=draft`)).status).toBe(404);
  });

  it('over GraphQL (locale: "en", status: DRAFT, localizations)', async () => {
    const queries = [
      `{ communityCourses(locale: "en", status: DRAFT) { title } }`,
      `query($id: ID!) { communityCourse(documentId: $id, locale: "en", status: DRAFT) { title } }`,
      `query($id: ID!) { communityCourse(documentId: $id, status: DRAFT) { title localizations { title locale } } }`,
      `{ communityCourses(locale: "all", status: DRAFT) { title } }`,
      `{ communityCourses(locale: "*", status: DRAFT) { title } }`,
      `{ communityCourses(status: DRAFT, pagination: { limit: 100 }) { title localizations { title } } }`,
      `{ communityLessons(status: DRAFT, pagination: { limit: 100 }) { title course { title localizations { title } } } }`,
    ];
    for (const query of queries) {
      const result = await gql(query, { id: documentId });
      expect(JSON.stringify(result), query).not.toContain('Unpublished English draft');
    }
    const single = await gql(`query($id: ID!) { communityCourse(documentId: $id, locale: "en", status: DRAFT) { title } }`, { id: documentId });
    expect(single.data?.communityCourse ?? null).toBeNull();
  });

  it('keeps lesson bodies private in every locale, over REST and GraphQL', async () => {
    for (const path of [
      `/api/community/lessons?locale=en`,
      `/api/community/lessons?locale=en&status=draft&populate=*`,
      `/api/community/lessons/${lessonId}?locale=en&populate=*`,
      `/api/community/lessons/${lessonId}?locale=${TW}&status=draft`,
      `/api/community/lessons?locale=*&populate[localizations][populate]=*`,
      `/api/community/lessons/${lessonId}?populate[localizations][fields][0]=body`,
    ]) {
      const response = await rest(path);
      expect(response.text, path).not.toContain(SECRET);
      expect(response.text, path).not.toContain('繁體草稿課時');
    }
    const english = await rest(`/api/community/lessons/${lessonId}?locale=en`);
    expect(english.json.data.title).toBe('English lesson');

    const body = await gql(`{ communityLessons(locale: "en") { title body } }`);
    expect(body.errors?.length).toBeGreaterThan(0);
    const listed = await gql(`query($id: ID!) { communityLesson(documentId: $id, locale: "en") { title localizations { title } } }`, { id: lessonId });
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect(JSON.stringify(listed)).not.toContain('繁體草稿課時');
    expect(listed.data.communityLesson.title).toBe('English lesson');
  });
});

describe('catalog outbox with translations', () => {
  it('sends the zh-CN state (title) even when the English version was published last, and re-queues on any locale', async () => {
    const lesson = await strapi.documents(LESSON).create({ data: { title: '第一讲', position: 1 } as any, status: 'published' });
    const zh = await strapi.documents(COURSE).create({
      data: { title: '中文标题', summary: '中文', price_fen: 9900, lessons: [lesson.documentId] } as any,
      status: 'published',
    });
    const { documentId } = zh;
    const sync = strapi.plugin('community').service('catalogSync');
    const before = await changeSeq(COURSE, documentId);
    await strapi.documents(COURSE).update({ documentId, locale: 'en', data: { title: 'English title', summary: 'English' } as any, status: 'published' } as any);
    expect(await changeSeq(COURSE, documentId)).toBeGreaterThan(before);

    const payload = await sync.buildPayload(COURSE, documentId);
    expect(payload).toMatchObject({ state: 'published', title: '中文标题', summary: '中文', price_fen: 9900, slug: zh.slug });
    expect(payload.lesson_document_ids).toEqual([lesson.documentId]);

    // Unpublishing the English version re-queues too; the product stays offered (zh-CN is published).
    const afterEnPublish = await changeSeq(COURSE, documentId);
    await strapi.documents(COURSE).unpublish({ documentId, locale: 'en' } as any);
    expect(await changeSeq(COURSE, documentId)).toBeGreaterThan(afterEnPublish);
    expect(await sync.buildPayload(COURSE, documentId)).toMatchObject({ state: 'published', title: '中文标题' });

    // Unpublishing zh-CN withdraws it, even while the English version is published again.
    await strapi.documents(COURSE).publish({ documentId, locale: 'en' } as any);
    await strapi.documents(COURSE).unpublish({ documentId, locale: 'zh-CN' } as any);
    expect(await sync.buildPayload(COURSE, documentId)).toMatchObject({ state: 'archived', price_fen: null });
  });

  it('does not offer a course that exists only in English', async () => {
    const en = await strapi.documents(COURSE).create({ data: { title: 'English only', price_fen: 100 } as any, locale: 'en', status: 'published' } as any);
    const sync = strapi.plugin('community').service('catalogSync');
    expect(await sync.buildPayload(COURSE, en.documentId)).toMatchObject({ state: 'archived' });
    await waitFor(async () => (await changeSeq(COURSE, en.documentId)) > 0);
  });
});

describe('locked content route and locales', () => {
  let lessonId: string;

  beforeAll(async () => {
    const lesson = await strapi.documents(LESSON).create({ data: { title: '正文课时', position: 1, body: blocks('中文正文') } as any, status: 'published' });
    lessonId = lesson.documentId;
    await strapi.documents(LESSON).update({ documentId: lessonId, locale: 'en', data: { title: 'Lesson', body: blocks('English body') } as any, status: 'published' } as any);
    await strapi.documents(LESSON).update({ documentId: lessonId, locale: TW, data: { title: '草稿', body: blocks('繁體草稿正文') } as any } as any);
  });

  const content = (query = '') =>
    rest(`/api/community/lessons/${lessonId}/content${query}`, { authorization: `Bearer ${token}` });

  it('serves the requested locale', async () => {
    const en = await content('?locale=en');
    expect(en.status).toBe(200);
    expect(en.json.data).toMatchObject({ documentId: lessonId, locale: 'en', body: blocks('English body') });
    const zh = await content();
    expect(zh.json.data).toMatchObject({ locale: 'zh-CN', body: blocks('中文正文') });
  });

  it('falls back to the default locale when the lesson has no published version in that locale', async () => {
    const tw = await content(`?locale=${TW}`);
    expect(tw.status).toBe(200);
    expect(tw.json.data).toMatchObject({ locale: 'zh-CN', body: blocks('中文正文') });
    expect(tw.text).not.toContain('繁體草稿正文');
  });

  it('rejects locales the CMS does not have, and malformed ones', async () => {
    expect((await content('?locale=fr')).status).toBe(400);
    expect((await content('?locale=%3Cscript%3E')).status).toBe(400);
    expect((await content('?locale=en&locale=zh-CN')).status).toBe(400);
  });
});

describe('scheduled publishing with translations', () => {
  it('publishes every locale of a due document', async () => {
    const zh = await strapi.documents(COURSE).create({ data: { title: '定时课程', publish_at: new Date(Date.now() - 60_000).toISOString() } as any });
    await strapi.documents(COURSE).update({ documentId: zh.documentId, locale: 'en', data: { title: 'Scheduled course' } } as any);
    const report = await strapi.plugin('community').service('scheduledPublishing').publishDue(new Date());
    expect(report.published).toContainEqual({ uid: COURSE, documentId: zh.documentId });
    for (const locale of ['zh-CN', 'en']) {
      const published = await strapi.documents(COURSE).findOne({ documentId: zh.documentId, locale, status: 'published' } as any);
      expect(published, locale).not.toBeNull();
      expect((published as any).publish_at).toBeNull();
    }
  });
});

describe('demo content translations', () => {
  it('adds zh-Hant-TW and en versions of the demo course, instructor and tags, once', async () => {
    await seedDemoContent(strapi);
    await seedDemoContent(strapi); // idempotent
    const zh = await strapi.documents(COURSE).findFirst({ filters: { slug: DEMO_COURSE_SLUG }, status: 'published' });
    expect(zh).not.toBeNull();
    for (const locale of [TW, 'en'] as const) {
      const versions = await strapi.db.query(COURSE).findMany({ where: { documentId: zh!.documentId, locale } });
      expect(versions, locale).toHaveLength(2); // one draft, one published
      const course = (await strapi.documents(COURSE).findOne({
        documentId: zh!.documentId,
        locale,
        status: 'published',
        populate: { instructor: true, interest_tags: true },
      } as any)) as any;
      expect(course).toMatchObject({ title: DEMO_TRANSLATIONS[locale].course.title, slug: DEMO_COURSE_SLUG, price_fen: 19900 });
      expect(course.body).toEqual(blocks(DEMO_TRANSLATIONS[locale].course.body));
      expect(course.instructor).toMatchObject({ name: DEMO_TRANSLATIONS[locale].instructor.name, locale });
      expect(course.interest_tags.map((t: { name: string }) => t.name).sort()).toEqual(Object.values(DEMO_TRANSLATIONS[locale].tags).sort());
      expect(await strapi.db.query(INSTRUCTOR).count({ where: { documentId: course.instructor.documentId, locale } })).toBe(1);
    }
    // Tags keep one slug across locales.
    const tagRows = await strapi.db.query(TAG).findMany({ where: { slug: 'community-ops' } });
    expect(new Set(tagRows.map((t: { documentId: string }) => t.documentId)).size).toBe(1);
    expect(tagRows.map((t: { locale: string }) => t.locale).sort()).toEqual(['en', 'zh-CN', TW].sort());

    // Over GraphQL, as the storefront asks.
    const { data, errors } = await gql(
      `query($slug: String!) { communityCourses(locale: "en", filters: { slug: { eq: $slug } }) { title instructor { name } } }`,
      { slug: DEMO_COURSE_SLUG }
    );
    expect(errors).toBeUndefined();
    expect(data.communityCourses).toEqual([{ title: DEMO_TRANSLATIONS.en.course.title, instructor: { name: DEMO_TRANSLATIONS.en.instructor.name } }]);
  });
});
