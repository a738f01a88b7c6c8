import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonAudienceIn, type CourseCatalogPayload } from '@community/contracts';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import { COURSE, LESSON, SYNC_STATE, TEST_ENV, waitFor } from './helpers';

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;

beforeAll(async () => {
  app = await bootStrapi(TEST_ENV);
  strapi = app.strapi;
});

afterAll(async () => {
  await app?.stop();
});

describe('visibility (public, members, specific plans)', () => {
  it('defaults to public and is readable by the storefront with the plans it names', async () => {
    const lesson = await strapi.documents(LESSON).create({
      data: { title: '年度会员专享讲', position: 1, visibility: 'plans', visible_to_plans: ['yearly', 'lifetime'] } as any,
      status: 'published',
    });
    const open = await strapi.documents(COURSE).create({ data: { title: 'Open Course', lessons: [lesson.documentId] } as any, status: 'published' });
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($id: ID!) { communityCourse(documentId: $id) { visibility visible_to_plans lessons { visibility visible_to_plans } } }`,
        variables: { id: open.documentId },
      }),
    });
    const { data, errors } = await response.json();
    expect(errors).toBeUndefined();
    expect(data.communityCourse).toEqual({
      visibility: 'public',
      visible_to_plans: null,
      lessons: [{ visibility: 'plans', visible_to_plans: ['yearly', 'lifetime'] }],
    });
  });

  it('refuses "plans" without plans, and malformed plan handles, from any writer', async () => {
    await expect(
      strapi.documents(COURSE).create({ data: { title: 'No plans', visibility: 'plans' } as any })
    ).rejects.toThrow(/visible_to_plans/);
    await expect(
      strapi.documents(LESSON).create({ data: { title: 'Bad plan', position: 1, visibility: 'plans', visible_to_plans: ['Year Plan!'] } as any })
    ).rejects.toThrow(/plan handle/);

    // A partial update is checked against what is stored.
    const course = await strapi.documents(COURSE).create({ data: { title: 'Members first', visibility: 'members' } as any });
    await expect(strapi.documents(COURSE).update({ documentId: course.documentId, data: { visibility: 'plans' } as any })).rejects.toThrow(
      /visible_to_plans/
    );
    const updated = await strapi.documents(COURSE).update({
      documentId: course.documentId,
      data: { visibility: 'plans', visible_to_plans: ['monthly'] } as any,
    });
    expect(updated).toMatchObject({ visibility: 'plans', visible_to_plans: ['monthly'] });
  });

  it('tells editors a members-only course without a price is included in membership, not unpriced', async () => {
    const sync = strapi.plugin('community').service('catalogSync');
    const members = await strapi.documents(COURSE).create({ data: { title: 'Members Only', visibility: 'members' } as any, status: 'published' });
    const unpriced = await strapi.documents(COURSE).create({ data: { title: 'Forgot The Price' } as any, status: 'published' });
    expect((await sync.buildOffer(COURSE, members.documentId)).notForSaleReason).toMatch(/Members only/);
    expect((await sync.buildOffer(COURSE, unpriced.documentId)).notForSaleReason).toMatch(/No price/);
  });
});

describe('visibility in the catalog payload (commerce decides lesson-access from it)', () => {
  const sync = () => strapi.plugin('community').service('catalogSync');
  const changeSeq = async (uid: string, documentId: string) =>
    ((await strapi.db.query(SYNC_STATE).findOne({ where: { target_uid: uid, target_document_id: documentId } })) as { change_seq: number } | null)
      ?.change_seq ?? 0;

  it('carries the course mark and its published lessons that are not public, for sale or not', async () => {
    const lesson = (title: string, position: number, extra: Record<string, unknown>, published = true) =>
      strapi.documents(LESSON).create({ data: { title, position, ...extra } as any, ...(published ? { status: 'published' as const } : {}) });
    const open = await lesson('公开讲', 1, {});
    const members = await lesson('会员讲', 2, { visibility: 'members' });
    const lifetime = await lesson('终身会员讲', 3, { visibility: 'plans', visible_to_plans: ['lifetime', 'monthly'] });
    const draft = await lesson('草稿讲', 4, { visibility: 'members' }, false);
    const course = await strapi.documents(COURSE).create({
      data: {
        title: 'Yearly Members Course',
        visibility: 'plans',
        visible_to_plans: ['yearly', 'lifetime'],
        lessons: [open, members, lifetime, draft].map((l) => l.documentId),
      } as any,
      status: 'published',
    });
    const payload = (await sync().buildPayload(COURSE, course.documentId)) as CourseCatalogPayload;
    // No price: not for sale ("archived"), but delivered with its visibility all the same.
    expect(payload).toMatchObject({
      state: 'archived',
      price_fen: null,
      lesson_document_ids: [open.documentId, members.documentId, lifetime.documentId],
      visibility: 'plans',
      visible_to_plans: ['yearly', 'lifetime'],
      lesson_visibility: [
        { lesson_document_id: members.documentId, visibility: 'members', visible_to_plans: [] },
        { lesson_document_id: lifetime.documentId, visibility: 'plans', visible_to_plans: ['lifetime', 'monthly'] },
      ],
    });
    // What commerce decodes: the stricter of course and lesson.
    expect(lessonAudienceIn(payload, open.documentId)).toEqual({ visibility: 'plans', plans: ['yearly', 'lifetime'] });
    expect(lessonAudienceIn(payload, lifetime.documentId)).toEqual({ visibility: 'plans', plans: ['lifetime'] });

    // Unpublished: withdrawn, and membership opens nothing of it.
    await strapi.documents(COURSE).unpublish({ documentId: course.documentId });
    expect(await sync().buildPayload(COURSE, course.documentId)).toMatchObject({
      state: 'archived',
      visibility: 'public',
      visible_to_plans: [],
      lesson_visibility: [],
    });
  });

  it("re-delivers the course when a lesson's new visibility is published (not on a draft save)", async () => {
    const delivered: CourseCatalogPayload[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/admin/catalog/documents') delivered.push(JSON.parse(body));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ product_id: null, handle: 'x', status: 'draft' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const original = strapi.config.get('plugin::community.commerceUrl');
    strapi.config.set('plugin::community.commerceUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const lesson = await strapi.documents(LESSON).create({ data: { title: '将变成会员讲', position: 1 } as any, status: 'published' });
      const course = await strapi.documents(COURSE).create({
        data: { title: 'Lesson Visibility Course', price_fen: 9900, lessons: [lesson.documentId] } as any,
        status: 'published',
      });
      const latest = () => delivered.filter((p) => p.document_id === course.documentId).at(-1);
      await waitFor(async () => latest()?.lesson_document_ids.includes(lesson.documentId));
      expect(latest()).toMatchObject({ state: 'published', visibility: 'public', lesson_visibility: [] });

      // A draft save changes nothing commerce sees: nothing is queued.
      const before = await changeSeq(COURSE, course.documentId);
      await strapi.documents(LESSON).update({ documentId: lesson.documentId, data: { visibility: 'members' } as any });
      expect(await changeSeq(COURSE, course.documentId)).toBe(before);

      // Publishing it re-queues the course, and the delivery carries the lesson's new mark.
      await strapi.documents(LESSON).publish({ documentId: lesson.documentId });
      expect(await changeSeq(COURSE, course.documentId)).toBeGreaterThan(before);
      await waitFor(async () => latest()?.lesson_visibility.length === 1);
      expect(latest()!.lesson_visibility).toEqual([{ lesson_document_id: lesson.documentId, visibility: 'members', visible_to_plans: [] }]);

      // Unpublishing the lesson drops it from the course's payload again.
      await strapi.documents(LESSON).unpublish({ documentId: lesson.documentId });
      await waitFor(async () => latest()?.lesson_document_ids.length === 0);
      expect(latest()!.lesson_visibility).toEqual([]);
    } finally {
      strapi.config.set('plugin::community.commerceUrl', original);
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
