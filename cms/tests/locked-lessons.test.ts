import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import {
  BUNDLE,
  COURSE,
  INSTRUCTOR,
  LESSON,
  LESSON_CONTENT_ACTION,
  TAG,
  TEST_ENV,
  blocks,
  createApiToken,
  graphql,
  pngImage,
  uploadFile,
} from './helpers';

/** Text that exists only in locked lesson content: it must never come out of a public API. */
const SECRET = 'LOCKEDSECRET7Q';
const AUDIO = Buffer.from(`ID3 fake audio ${'x'.repeat(200)} end`);

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;
let course: { documentId: string };
let free: { documentId: string };
let locked: { documentId: string };
let imageLesson: { documentId: string };
let draftOnly: { documentId: string };
let bundle: { documentId: string };
let audio: Awaited<ReturnType<typeof uploadFile>>;
let image: Awaited<ReturnType<typeof uploadFile>>;
const tokens = {} as Record<'custom' | 'readOnly' | 'unrelated' | 'fullAccess', string>;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A GET with the path sent exactly as written (fetch would normalise dot segments and escapes). */
function rawGet(path: string): Promise<{ status: number; body: Buffer }> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every lesson-shaped object (it has `free_preview`) anywhere in a response. */
function lessonsIn(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => lessonsIn(v, found));
  else if (value && typeof value === 'object') {
    if ('free_preview' in value) found.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => lessonsIn(v, found));
  }
  return found;
}

/** Asserts the response carries no locked content, whatever its status. */
async function expectNoLeak(response: Response) {
  const text = await response.text();
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(audio.url);
  expect(text).not.toContain(image.url);
  expect(text).not.toContain(audio.url.replace('/uploads/', '').replace(/\.mp3$/, '')); // not even the file hash
  const json = text ? JSON.parse(text) : null;
  for (const lesson of lessonsIn(json)) {
    expect(Object.keys(lesson)).not.toContain('body');
    expect(Object.keys(lesson)).not.toContain('media');
  }
  return { status: response.status, json, lessons: lessonsIn(json) };
}

beforeAll(async () => {
  app = await bootStrapi(TEST_ENV);
  strapi = app.strapi;

  audio = await uploadFile(strapi, 'lesson-2.mp3', 'audio/mpeg', AUDIO);
  image = await uploadFile(strapi, 'lesson-3-slide.png', 'image/png', pngImage());

  free = await strapi.documents(LESSON).create({
    data: { title: '试听：第一讲', position: 1, free_preview: true, kind: 'text', body: blocks(`free ${SECRET} one`) } as any,
    status: 'published',
  });
  locked = await strapi.documents(LESSON).create({
    data: { title: '付费：第二讲', position: 2, kind: 'audio', duration_seconds: 600, body: blocks(`paid ${SECRET} two`), media: audio.id } as any,
    status: 'published',
  });
  imageLesson = await strapi.documents(LESSON).create({
    data: { title: '付费：第三讲', position: 3, body: blocks(`slides ${SECRET} three`), media: image.id } as any,
    status: 'published',
  });
  draftOnly = await strapi.documents(LESSON).create({ data: { title: '草稿：第四讲', position: 4, body: blocks(`draft ${SECRET}`) } as any });
  course = await strapi.documents(COURSE).create({
    data: { title: 'Locked Content Course', price_fen: 19900, lessons: [free, locked, imageLesson, draftOnly].map((l) => l.documentId) } as any,
    status: 'published',
  });
  bundle = await strapi.documents(BUNDLE).create({
    data: { name: '两讲包', course: course.documentId, lessons: [locked.documentId, imageLesson.documentId], price_fen: 2990 } as any,
    status: 'published',
  });

  tokens.custom = await createApiToken(strapi, 'storefront-server', 'custom', [LESSON_CONTENT_ACTION]);
  tokens.readOnly = await createApiToken(strapi, 'read-only-reader', 'read-only');
  tokens.unrelated = await createApiToken(strapi, 'catalog-reader', 'custom', ['plugin::community.course.find']);
  tokens.fullAccess = await createApiToken(strapi, 'full-access', 'full-access');
});

afterAll(async () => {
  if (strapi) {
    for (const file of [audio, image]) {
      if (file) await strapi.plugin('upload').service('upload').remove(file).catch(() => undefined);
    }
  }
  await app?.stop();
});

describe('locked lesson content never reaches public REST', () => {
  it('is absent from lesson lists and single lessons, drafts asked for or not', async () => {
    for (const path of [
      '/api/community/lessons',
      '/api/community/lessons?status=draft',
      `/api/community/lessons/${locked.documentId}`,
      `/api/community/lessons/${locked.documentId}?status=draft`,
      '/api/community/lessons?populate=*',
      `/api/community/lessons/${imageLesson.documentId}?populate=*`,
    ]) {
      const { status, json } = await expectNoLeak(await get(path));
      expect([200, 400], path).toContain(status);
      if (status === 200 && Array.isArray(json.data)) {
        expect(json.data.map((l: { title: string }) => l.title), path).not.toContain('草稿：第四讲');
      }
    }
    const one = await get(`/api/community/lessons/${locked.documentId}`).then((r) => r.json() as Promise<any>);
    expect(one.data).toMatchObject({ title: '付费：第二讲', kind: 'audio', duration_seconds: 600 });
    expect(Object.keys(one.data)).not.toContain('body');
    expect(Object.keys(one.data)).not.toContain('media');
  });

  it('is absent when lessons are populated from a course or a bundle', async () => {
    let seen = 0;
    for (const path of [
      `/api/community/courses/${course.documentId}?populate[lessons][populate]=*`,
      `/api/community/courses/${course.documentId}?populate=*`,
      `/api/community/courses?populate[lessons][populate]=*&status=draft`,
      `/api/community/courses/${course.documentId}?populate[lessons][fields][0]=title&populate[lessons][fields][1]=body`,
      `/api/community/courses/${course.documentId}?populate[lessons][populate][media]=true`,
      `/api/community/lesson-bundles/${bundle.documentId}?populate[lessons][populate]=*`,
      `/api/community/lesson-bundles?populate=*`,
    ]) {
      const { status, lessons } = await expectNoLeak(await get(path));
      expect([200, 400], path).toContain(status);
      seen += lessons.length;
    }
    expect(seen).toBeGreaterThan(5); // the populates did return lessons, only without their paid part
  });

  it('cannot be probed through filters, sort or fields (no oracle)', async () => {
    for (const path of [
      `/api/community/lessons?filters[body][$containsi]=${SECRET}`,
      `/api/community/lessons?filters[body][$containsi]=nothing-like-this`,
      `/api/community/lessons?filters[$or][0][body][$containsi]=${SECRET}&filters[$or][1][title][$eq]=x`,
      `/api/community/lessons?filters[media][name][$eq]=lesson-2.mp3`,
      `/api/community/lessons?filters[media][id][$notNull]=true`,
      `/api/community/courses?filters[lessons][body][$containsi]=${SECRET}`,
      `/api/community/lesson-bundles?filters[lessons][body][$containsi]=${SECRET}`,
      '/api/community/lessons?sort=body:asc',
      '/api/community/lessons?fields[0]=body',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      await expectNoLeak(response);
    }
  });
});

describe('locked lesson content never reaches public GraphQL', () => {
  it('has no body or media fields', async () => {
    for (const query of [
      `{ communityLessons { title body } }`,
      `{ communityLessons { title media { url } } }`,
      `{ communityCourses { lessons { body } } }`,
      `{ communityLessonBundles { lessons { media { url } } } }`,
    ]) {
      const { data, errors } = await graphql(app.url, query);
      expect(errors?.[0]?.message, query).toMatch(/Cannot query field "(body|media)"/);
      expect(JSON.stringify(data ?? null)).not.toContain(SECRET);
    }
  });

  it('rejects filters on them', async () => {
    for (const query of [
      `{ communityLessons(filters: { body: { containsi: "${SECRET}" } }) { title } }`,
      `{ communityLessons(filters: { media: { name: { eq: "lesson-2.mp3" } } }) { title } }`,
      `{ communityCourses(filters: { lessons: { body: { containsi: "${SECRET}" } } }) { title } }`,
      `{ communityCourses { lessons(filters: { body: { containsi: "${SECRET}" } }) { title } } }`,
    ]) {
      const { data, errors } = await graphql(app.url, query);
      expect(errors?.[0]?.message, query).toMatch(/"(body|media)" is not defined by type/);
      expect(data ?? null, query).toBeNull();
    }
  });

  it('keeps drafts of lessons and bundles hidden, even when asked for them', async () => {
    const draftBundle = await strapi.documents(BUNDLE).create({ data: { name: '草稿课程包', price_fen: 100 } as any });
    const { data } = await graphql(app.url, `{ communityLessons(status: DRAFT) { title } communityLessonBundles(status: DRAFT) { name } }`);
    expect(data.communityLessons.map((l: { title: string }) => l.title)).not.toContain('草稿：第四讲');
    expect(data.communityLessonBundles.map((b: { name: string }) => b.name)).not.toContain('草稿课程包');
    const rest = await get('/api/community/lesson-bundles?status=draft').then((r) => r.json() as Promise<any>);
    expect(rest.data.map((b: { name: string }) => b.name)).not.toContain('草稿课程包');
    expect((await get(`/api/community/lesson-bundles/${draftBundle.documentId}?status=draft`)).status).toBe(404);
    const single = await graphql(app.url, `query($id: ID!) { communityLessonBundle(documentId: $id, status: DRAFT) { name } }`, {
      id: draftBundle.documentId,
    });
    expect(single.data?.communityLessonBundle ?? null).toBeNull();
  });

  it('lets an API token (a trusted server) read drafts, as documented, still without the paid part', async () => {
    // Filtered by title: other test files in this database add lessons of their own (a 100-lesson course).
    const response = await get(`/api/community/lessons?status=draft&filters[title][$startsWith]=${encodeURIComponent('草稿')}`, bearer(tokens.readOnly));
    expect(response.status).toBe(200);
    const { json } = await expectNoLeak(response);
    expect(json.data.map((l: { title: string }) => l.title)).toContain('草稿：第四讲');
  });

  it('serves the public parts of bundles, instructors and interest tags', async () => {
    const instructor = await strapi.documents(INSTRUCTOR).create({ data: { name: '王老师', title: '社群主理人', bio: '十年社群运营' } as any });
    const tag = await strapi.documents(TAG).create({ data: { name: '读书会' } as any });
    expect(tag.slug).toMatch(/^tag-[a-z0-9]{6}$/);
    expect((await get(`/api/community/instructors/${instructor.documentId}`).then((r) => r.json() as Promise<any>)).data).toMatchObject({ title: '社群主理人' });
    expect((await get(`/api/community/interest-tags/${tag.documentId}`)).status).toBe(200);
    const { data, errors } = await graphql(
      app.url,
      `query($id: ID!) { communityLessonBundle(documentId: $id) { name price_fen course { title } lessons(sort: "position:asc") { title free_preview } } }`,
      { id: bundle.documentId }
    );
    expect(errors).toBeUndefined();
    expect(data.communityLessonBundle).toEqual({
      name: '两讲包',
      price_fen: 2990,
      course: { title: 'Locked Content Course' },
      lessons: [
        { title: '付费：第二讲', free_preview: false },
        { title: '付费：第三讲', free_preview: false },
      ],
    });
  });

  it('does not list uploaded files to the public', async () => {
    expect((await get('/api/upload/files')).status).toBe(403);
    const { errors, data } = await graphql(app.url, `{ uploadFiles { url } }`);
    expect(errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(data ?? null)).not.toContain(audio.url);
  });
});

describe('GET /api/community/lessons/:documentId/content (storefront server only)', () => {
  const path = () => `/api/community/lessons/${locked.documentId}/content`;

  it('serves a custom API token holding plugin::community.lesson.content', async () => {
    const response = await get(path(), bearer(tokens.custom));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toEqual({
      data: {
        documentId: locked.documentId,
        locale: 'zh-CN', // the locale served (i18n: ?locale= with fallback to the default)
        body: blocks(`paid ${SECRET} two`),
        media: { url: `/api/community/lessons/${locked.documentId}/media`, mime: 'audio/mpeg', name: 'lesson-2.mp3' },
      },
    });
    const text = await get(`/api/community/lessons/${free.documentId}/content`, bearer(tokens.custom)).then((r) => r.json() as Promise<any>);
    expect(text.data).toEqual({ documentId: free.documentId, locale: 'zh-CN', body: blocks(`free ${SECRET} one`), media: null });
  });

  it('refuses the public, even when the public role is granted the permission', async () => {
    expect((await get(path())).status).toBe(401);
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permission = await strapi.db.query('plugin::users-permissions.permission').create({ data: { action: LESSON_CONTENT_ACTION, role: role.id } });
    try {
      const response = await get(path());
      expect(response.status).toBe(401);
      await expectNoLeak(response);
    } finally {
      await strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    }
  });

  it('refuses read-only tokens, tokens without the permission and made-up tokens', async () => {
    expect((await get(path(), bearer(tokens.readOnly))).status).toBe(403);
    expect((await get(path(), bearer(tokens.unrelated))).status).toBe(403);
    expect((await get(path(), bearer('not-a-real-token'))).status).toBe(401);
    for (const token of [tokens.readOnly, tokens.unrelated]) await expectNoLeak(await get(path(), bearer(token)));
  });

  it('refuses a signed-in member (users-permissions JWT), even one whose role has the permission', async () => {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const permission = await strapi.db.query('plugin::users-permissions.permission').create({ data: { action: LESSON_CONTENT_ACTION, role: role.id } });
    try {
      const user = await strapi.plugin('users-permissions').service('user').add({
        username: 'member1',
        email: 'member1@example.com',
        password: 'Member1234!',
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      });
      const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
      expect((await get('/api/users/me', bearer(jwt))).status).not.toBe(401); // the JWT itself is valid
      const response = await get(path(), bearer(jwt));
      expect(response.status).toBe(401);
      await expectNoLeak(response);
    } finally {
      await strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    }
  });

  it('lets a full-access token through (it may do anything)', async () => {
    expect((await get(path(), bearer(tokens.fullAccess))).status).toBe(200);
  });

  it('serves published lessons only, and validates the id', async () => {
    expect((await get(`/api/community/lessons/${draftOnly.documentId}/content`, bearer(tokens.custom))).status).toBe(404);
    expect((await get('/api/community/lessons/doesnotexist123/content', bearer(tokens.custom))).status).toBe(404);
    expect((await get('/api/community/lessons/bad%2Did/content', bearer(tokens.custom))).status).toBe(400);
  });
});

describe('lesson media files', () => {
  it('are not served from /uploads to anyone, however the path is spelled', async () => {
    for (const url of [audio.url, image.url, ...Object.values(image.formats ?? {}).map((f) => f.url)]) {
      expect((await get(url)).status, url).toBe(404);
      expect((await get(url, bearer(tokens.custom))).status, url).toBe(404);
    }
    expect(Object.keys(image.formats ?? {})).toContain('thumbnail');
    const name = audio.url.replace('/uploads/', '');
    for (const variant of [`/./uploads/${name}`, `//uploads/${name}`, `/%75ploads/${name}`, `/uploads/%2e/${name}`, `/uploads/${encodeURIComponent(name).replace(/a/g, '%61')}`, `/UPLOADS/${name}`]) {
      const response = await rawGet(variant);
      expect(response.status, variant).not.toBe(200);
      expect(response.body.includes(AUDIO), variant).toBe(false);
    }
  });

  it('stay public for files that are not lesson media, and lock as soon as a lesson takes them', async () => {
    const file = await uploadFile(strapi, 'later.mp3', 'audio/mpeg', Buffer.from('soon to be locked'));
    try {
      expect((await get(file.url)).status).toBe(200);
      const lesson = await strapi.documents(LESSON).create({ data: { title: '稍后上锁', position: 9, media: file.id } as any });
      expect((await get(file.url)).status).toBe(404); // a draft lesson's media is locked too
      await strapi.documents(LESSON).delete({ documentId: lesson.documentId });
      expect((await get(file.url)).status).toBe(200);
    } finally {
      await strapi.plugin('upload').service('upload').remove(file);
    }
  });

  it('are streamed to the storefront server through the token-guarded media route, with ranges', async () => {
    const path = `/api/community/lessons/${locked.documentId}/media`;
    expect((await get(path)).status).toBe(401);
    expect((await get(path, bearer(tokens.readOnly))).status).toBe(403);

    const whole = await get(path, bearer(tokens.custom));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(AUDIO)).toBe(true);

    const part = await get(path, { ...bearer(tokens.custom), range: 'bytes=0-3' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-3/${AUDIO.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString()).toBe('ID3 ');

    expect((await get(path, { ...bearer(tokens.custom), range: `bytes=${AUDIO.length}-` })).status).toBe(416);
    expect((await get(`/api/community/lessons/${free.documentId}/media`, bearer(tokens.custom))).status).toBe(404);
  });
});

describe('images in lesson bodies', () => {
  type Upload = Awaited<ReturnType<typeof uploadFile>> & { hash: string };
  let paidImage: Upload;
  let freeImage: Upload;
  let paidLesson: { documentId: string };
  let previewLesson: { documentId: string };
  /** A blocks `image` node as the admin's rich text editor writes it: the whole file object. */
  const imageBlock = (file: Upload) => ({ type: 'image', image: { ...file }, children: [{ type: 'text', text: '' }] });
  const mediaRoute = (documentId: string, file?: string) =>
    `/api/community/lessons/${documentId}/media${file === undefined ? '' : `?file=${encodeURIComponent(file)}`}`;

  beforeAll(async () => {
    paidImage = (await uploadFile(strapi, 'paid-diagram.png', 'image/png', pngImage())) as Upload;
    freeImage = (await uploadFile(strapi, 'free-diagram.png', 'image/png', pngImage())) as Upload;
    paidLesson = await strapi.documents(LESSON).create({
      data: { title: '付费：图解', position: 10, kind: 'text', body: [...blocks('paid diagram'), imageBlock(paidImage)] } as any,
      status: 'published',
    });
    previewLesson = await strapi.documents(LESSON).create({
      data: { title: '试听：图解', position: 11, free_preview: true, kind: 'text', body: [...blocks('free diagram'), imageBlock(freeImage)] } as any,
      status: 'published',
    });
  });

  afterAll(async () => {
    for (const lesson of [paidLesson, previewLesson]) {
      if (lesson) await strapi.documents(LESSON).delete({ documentId: lesson.documentId }).catch(() => undefined);
    }
    for (const file of [paidImage, freeImage]) {
      if (file) await strapi.plugin('upload').service('upload').remove(file).catch(() => undefined);
    }
  });

  it('of a paid lesson are not served from /uploads, formats included', async () => {
    expect(Object.keys(paidImage.formats ?? {})).toContain('thumbnail');
    for (const url of [paidImage.url, ...Object.values(paidImage.formats ?? {}).map((f) => f.url)]) {
      expect((await get(url)).status, url).toBe(404);
      expect((await get(url, bearer(tokens.custom))).status, url).toBe(404);
      const response = await rawGet(url.replace('/uploads/', '/%75ploads/'));
      expect(response.status, url).not.toBe(200);
    }
  });

  it('of a free preview stay public', async () => {
    expect((await get(freeImage.url)).status).toBe(200);
    expect((await get(freeImage.formats!.thumbnail!.url)).status).toBe(200);
  });

  it('are streamed through the token-guarded media route with ?file=, and only files of that lesson body', async () => {
    const original = await get(mediaRoute(paidLesson.documentId, paidImage.url), bearer(tokens.custom));
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('cache-control')).toContain('no-store');
    // The upload service may have optimised the PNG: compare with the stored file.
    const stored = await readFile(`${strapi.dirs.static.public}${paidImage.url}`);
    expect(Buffer.from(await original.arrayBuffer()).equals(stored)).toBe(true);

    const byHash = await get(mediaRoute(paidLesson.documentId, paidImage.hash), bearer(tokens.custom));
    expect(byHash.status).toBe(200);
    expect(Buffer.from(await byHash.arrayBuffer()).equals(stored)).toBe(true);

    const thumbnail = await get(mediaRoute(paidLesson.documentId, paidImage.formats!.thumbnail!.url), bearer(tokens.custom));
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/png');

    // Same token, but files this lesson body does not embed.
    for (const other of [freeImage.url, freeImage.hash, image.url, audio.url, '/uploads/guessed_0000.png', 'guessed_0000']) {
      expect((await get(mediaRoute(paidLesson.documentId, other), bearer(tokens.custom))).status, other).toBe(404);
    }
    expect((await get(mediaRoute(locked.documentId, paidImage.url), bearer(tokens.custom))).status).toBe(404);
    // Without ?file= it is the lesson's media, as before (this lesson has none).
    expect((await get(mediaRoute(paidLesson.documentId), bearer(tokens.custom))).status).toBe(404);
    // Same permission as always.
    expect((await get(mediaRoute(paidLesson.documentId, paidImage.url))).status).toBe(401);
    expect((await get(mediaRoute(paidLesson.documentId, paidImage.url), bearer(tokens.readOnly))).status).toBe(403);
    expect((await get(mediaRoute(paidLesson.documentId, paidImage.url), bearer(tokens.unrelated))).status).toBe(403);
    // Validated.
    expect((await get(mediaRoute(paidLesson.documentId, ''), bearer(tokens.custom))).status).toBe(400);
    expect((await get(mediaRoute(paidLesson.documentId, 'a\\b'), bearer(tokens.custom))).status).toBe(400);
  });

  it('lock and unlock as lessons change', async () => {
    await strapi.documents(LESSON).update({ documentId: previewLesson.documentId, data: { free_preview: false } as any });
    expect((await get(freeImage.url)).status).toBe(404);
    await strapi.documents(LESSON).update({ documentId: previewLesson.documentId, data: { free_preview: true } as any });
    expect((await get(freeImage.url)).status).toBe(200);
  });
});
