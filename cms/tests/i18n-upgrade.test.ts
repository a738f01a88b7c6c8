import { afterAll, describe, expect, it } from 'vitest';
import { bootStrapi } from './boot-strapi';
import { COURSE, LESSON, TEST_ENV } from './helpers';

let app: Awaited<ReturnType<typeof bootStrapi>> | undefined;

afterAll(async () => {
  await app?.stop();
});

/**
 * A database from before the content types were localized: rows without a locale, a stored
 * schema without i18n, and `en` as Strapi's default locale. On the next start the rows must
 * become zh-CN versions (not en), with zh-CN as the default.
 */
describe('upgrading a database created before i18n', () => {
  it('puts existing documents in zh-CN and makes zh-CN the default', async () => {
    app = await bootStrapi(TEST_ENV);
    let strapi = app.strapi;
    const lesson = await strapi.documents(LESSON).create({ data: { title: '旧课时', position: 1 } as any, status: 'published' });
    const course = await strapi.documents(COURSE).create({
      data: { title: '升级前的课程', price_fen: 100, lessons: [lesson.documentId] } as any,
      status: 'published',
    });

    // Turn the database back into a pre-i18n one.
    const store = { type: 'strapi', name: 'content_types', key: 'schema' } as const;
    const schema = (await strapi.store.get(store)) as Record<string, any>;
    for (const uid of [COURSE, LESSON]) delete schema[uid].pluginOptions.i18n;
    await strapi.store.set({ ...store, value: schema });
    for (const uid of [COURSE, LESSON]) await strapi.db.query(uid as any).updateMany({ where: {}, data: { locale: null } });
    await strapi.plugin('i18n').service('locales').setDefaultLocale({ code: 'en' });
    await app.stop();
    app = undefined;

    app = await bootStrapi(TEST_ENV);
    strapi = app.strapi;
    expect(await strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('zh-CN');
    const rows = await strapi.db.query(COURSE).findMany({ where: { documentId: course.documentId } });
    expect(rows.map((r: { locale: string }) => r.locale)).toEqual(['zh-CN', 'zh-CN']);
    expect(await strapi.db.query(COURSE).count({ where: { locale: null } })).toBe(0);
    expect(await strapi.db.query(COURSE).count({ where: { documentId: course.documentId, locale: 'en' } })).toBe(0);
    const published = await strapi.documents(COURSE).findOne({
      documentId: course.documentId,
      status: 'published',
      populate: { lessons: { fields: ['title'] } },
    } as any);
    expect(published).toMatchObject({ title: '升级前的课程', locale: 'zh-CN', lessons: [{ title: '旧课时' }] });
    const payload = await strapi.plugin('community').service('catalogSync').buildPayload(COURSE, course.documentId);
    expect(payload).toMatchObject({ state: 'published', title: '升级前的课程', lesson_document_ids: [lesson.documentId] });
  });
});
