import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseProductHandle } from '@community/contracts';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import { BUNDLE, COURSE, LESSON, SYNC_STATE, TEST_ENV, adminToken, waitFor } from './helpers';
import { DEMO_BUNDLES, DEMO_COURSE_SLUG, seedDemoContent } from '../src/bootstrap/seed-demo-content';

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;
let admin: string;

const sync = () => strapi.plugin('community').service('catalogSync');
const changeSeq = async (uid: string, documentId: string) =>
  ((await strapi.db.query(SYNC_STATE).findOne({ where: { target_uid: uid, target_document_id: documentId } })) as { change_seq: number } | null)
    ?.change_seq ?? 0;

async function lessons(specs: [title: string, position: number, published: boolean][]) {
  const created = [];
  for (const [title, position, published] of specs) {
    created.push(await strapi.documents(LESSON).create({ data: { title, position }, ...(published ? { status: 'published' as const } : {}) }));
  }
  return created;
}

async function adminApi(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) {
  const token = init.token === undefined ? admin : init.token;
  const response = await fetch(`${app.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

beforeAll(async () => {
  app = await bootStrapi(TEST_ENV);
  strapi = app.strapi;
  admin = await adminToken(strapi, app.url);
});

afterAll(async () => {
  await app?.stop();
});

describe('catalog payloads', () => {
  it('describes a course with its published lessons in position order', async () => {
    const [l3, l1, draft, l2] = await lessons([
      ['三', 3, true],
      ['一', 1, true],
      ['草稿', 4, false],
      ['二', 2, true],
    ]);
    const course = await strapi.documents(COURSE).create({
      data: { title: 'Payload Course', summary: '简介', price_fen: 19900, lessons: [l3, l1, draft, l2].map((l) => l.documentId) } as any,
      status: 'published',
    });
    const payload = await sync().buildPayload(COURSE, course.documentId);
    expect(payload).toEqual({
      document_id: course.documentId,
      kind: 'course',
      state: 'published',
      slug: 'payload-course',
      title: 'Payload Course',
      summary: '简介',
      price_fen: 19900,
      lesson_document_ids: [l1.documentId, l2.documentId, l3.documentId],
      // Public course, public lessons: membership opens nothing (visibility.test.ts covers the rest).
      visibility: 'public',
      visible_to_plans: [],
      lesson_visibility: [],
      cms_updated_at: expect.any(String),
    });
    expect(Date.parse(payload.cms_updated_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('describes a bundle: its course, its published lessons, price and validity', async () => {
    const [a, b, c] = await lessons([
      ['包一', 2, true],
      ['包二', 1, true],
      ['包三（草稿）', 3, false],
    ]);
    const course = await strapi.documents(COURSE).create({
      data: { title: 'Bundle Course', price_fen: 19900, lessons: [a, b, c].map((l) => l.documentId) } as any,
      status: 'published',
    });
    const bundle = await strapi.documents(BUNDLE).create({
      data: { name: '3-lesson taster', course: course.documentId, lessons: [a, b, c].map((l) => l.documentId), price_fen: 2990, validity_days: 30 } as any,
      status: 'published',
    });
    expect(bundle.slug).toBe('3-lesson-taster');
    expect(await sync().buildPayload(BUNDLE, bundle.documentId)).toEqual({
      document_id: bundle.documentId,
      kind: 'bundle',
      state: 'published',
      slug: '3-lesson-taster',
      title: '3-lesson taster',
      summary: null,
      price_fen: 2990,
      course_document_id: course.documentId,
      lesson_document_ids: [b.documentId, a.documentId],
      validity_days: 30,
      cms_updated_at: expect.any(String),
    });
  });

  it('withdraws a bundle without a price, without a published course, or once deleted', async () => {
    const [a] = await lessons([['唯一一讲', 1, true]]);
    const course = await strapi.documents(COURSE).create({ data: { title: '未发布课程', lessons: [a.documentId] } as any });
    const bundle = await strapi.documents(BUNDLE).create({
      data: { name: '课程未发布的包', course: course.documentId, lessons: [a.documentId], price_fen: 990 } as any,
      status: 'published',
    });
    expect(bundle.slug).toMatch(/^bundle-[a-z0-9]{6}$/);
    const offer = await sync().buildOffer(BUNDLE, bundle.documentId);
    expect(offer.payload).toMatchObject({ state: 'archived', price_fen: 990, course_document_id: course.documentId, lesson_document_ids: [a.documentId] });
    expect(offer.notForSaleReason).toMatch(/course is not published/);

    const unpriced = await strapi.documents(BUNDLE).create({ data: { name: 'No price', course: course.documentId } as any, status: 'published' });
    expect((await sync().buildOffer(BUNDLE, unpriced.documentId)).notForSaleReason).toMatch(/No price/);

    await strapi.documents(BUNDLE).delete({ documentId: bundle.documentId });
    expect(await sync().buildPayload(BUNDLE, bundle.documentId)).toEqual({
      document_id: bundle.documentId,
      kind: 'bundle',
      state: 'archived',
      price_fen: null,
      course_document_id: null,
      lesson_document_ids: [],
      validity_days: null,
      cms_updated_at: expect.any(String),
    });
  });
});

describe('demo content', () => {
  it('seeds the demo course with a ¥29.9 taster and a ¥99 pack, once', async () => {
    await seedDemoContent(strapi);
    await seedDemoContent(strapi); // idempotent
    const course = await strapi.documents(COURSE).findFirst({ filters: { slug: DEMO_COURSE_SLUG }, status: 'published' });
    expect(course).not.toBeNull();
    for (const demo of DEMO_BUNDLES) {
      const found = await strapi.documents(BUNDLE).findMany({ filters: { slug: demo.slug }, status: 'draft' });
      expect(found).toHaveLength(1);
      const payload = await sync().buildPayload(BUNDLE, found[0].documentId);
      expect(payload).toMatchObject({ state: 'published', price_fen: demo.price_fen, course_document_id: course!.documentId, validity_days: demo.validity_days });
      expect(payload.lesson_document_ids).toHaveLength(demo.positions.length);
    }
    expect((await sync().buildPayload(COURSE, course!.documentId)).lesson_document_ids).toHaveLength(12);
  });
});

describe('what the outbox records', () => {
  it('queues a course’s bundles when the course is unpublished and published again', async () => {
    const [a, b] = await lessons([
      ['一', 1, true],
      ['二', 2, true],
    ]);
    const course = await strapi.documents(COURSE).create({
      data: { title: 'Unpublish Me', price_fen: 9900, lessons: [a.documentId, b.documentId] } as any,
      status: 'published',
    });
    const bundles = [];
    for (const name of ['Bundle A', 'Bundle B']) {
      bundles.push(
        await strapi.documents(BUNDLE).create({ data: { name, course: course.documentId, lessons: [a.documentId], price_fen: 990 } as any, status: 'published' })
      );
    }
    const before = await Promise.all(bundles.map((x) => changeSeq(BUNDLE, x.documentId)));
    expect(before.every((seq) => seq >= 1)).toBe(true);

    await strapi.documents(COURSE).unpublish({ documentId: course.documentId });
    const after = await Promise.all(bundles.map((x) => changeSeq(BUNDLE, x.documentId)));
    after.forEach((seq, i) => expect(seq).toBe(before[i] + 1));
    const withdrawn = await sync().buildPayload(BUNDLE, bundles[0].documentId);
    expect(withdrawn.state).toBe('archived');

    await strapi.documents(COURSE).publish({ documentId: course.documentId });
    const again = await Promise.all(bundles.map((x) => changeSeq(BUNDLE, x.documentId)));
    again.forEach((seq, i) => expect(seq).toBe(after[i] + 1));
    expect((await sync().buildPayload(BUNDLE, bundles[0].documentId)).state).toBe('published');
  });

  it('queues the course and the bundles holding a lesson when the lesson is (un)published or deleted', async () => {
    const [a, b] = await lessons([
      ['一', 1, true],
      ['二', 2, false],
    ]);
    const course = await strapi.documents(COURSE).create({
      data: { title: 'Lesson Watcher', price_fen: 9900, lessons: [a.documentId, b.documentId] } as any,
      status: 'published',
    });
    const bundle = await strapi.documents(BUNDLE).create({
      data: { name: 'Holds lesson two', course: course.documentId, lessons: [b.documentId], price_fen: 990 } as any,
      status: 'published',
    });
    expect((await sync().buildOffer(BUNDLE, bundle.documentId)).notForSaleReason).toMatch(/None of the bundle/);
    const [course0, bundle0] = [await changeSeq(COURSE, course.documentId), await changeSeq(BUNDLE, bundle.documentId)];

    await strapi.documents(LESSON).publish({ documentId: b.documentId });
    expect(await changeSeq(COURSE, course.documentId)).toBe(course0 + 1);
    expect(await changeSeq(BUNDLE, bundle.documentId)).toBe(bundle0 + 1);
    expect((await sync().buildPayload(COURSE, course.documentId)).lesson_document_ids).toEqual([a.documentId, b.documentId]);
    expect((await sync().buildPayload(BUNDLE, bundle.documentId))).toMatchObject({ state: 'published', lesson_document_ids: [b.documentId] });

    // A draft-only edit of the lesson changes nothing commerce sells.
    await strapi.documents(LESSON).update({ documentId: b.documentId, data: { title: '二（改）' } as any });
    expect(await changeSeq(COURSE, course.documentId)).toBe(course0 + 1);

    await strapi.documents(LESSON).delete({ documentId: b.documentId });
    expect(await changeSeq(COURSE, course.documentId)).toBe(course0 + 2);
    expect(await changeSeq(BUNDLE, bundle.documentId)).toBe(bundle0 + 2);
    expect((await sync().buildPayload(COURSE, course.documentId)).lesson_document_ids).toEqual([a.documentId]);
  });

  it('keeps retrying a bundle while commerce is unreachable, visibly', async () => {
    const [a] = await lessons([['一', 1, true]]);
    const course = await strapi.documents(COURSE).create({ data: { title: 'Retry Course', price_fen: 100, lessons: [a.documentId] } as any, status: 'published' });
    const bundle = await strapi.documents(BUNDLE).create({
      data: { name: 'Retry Bundle', course: course.documentId, lessons: [a.documentId], price_fen: 90 } as any,
      status: 'published',
    });
    const failed = await waitFor(async () => {
      const state = await sync().getState(BUNDLE, bundle.documentId);
      return state && state.state === 'failed' && state.attempts >= 2 ? state : undefined;
    });
    expect(failed.last_error).toMatch(/fetch failed|ECONNREFUSED/);
  });
});

describe('reconcile (drift report)', () => {
  it('reports every sellable document as unchecked, and queues it, when commerce is unreachable', async () => {
    const report = await sync().reconcileAll();
    // Published ones: other test files in this database also keep draft-only documents, which are not for sale.
    const sellable =
      (await strapi.documents(COURSE).count({ status: 'published' } as any)) + (await strapi.documents(BUNDLE).count({ status: 'published' } as any));
    expect(report.checked).toBeGreaterThanOrEqual(sellable);
    expect(report.compared).toBe(0);
    expect(report.commerce).toEqual({ url: 'http://127.0.0.1:9', reachable: false, error: expect.stringMatching(/^commerce at http:\/\/127.0.0.1:9 is unreachable: /) });
    expect(report.drift).toHaveLength(report.checked);
    expect(report.queued).toBe(report.checked);
    for (const entry of report.drift) {
      expect(entry).toEqual({ uid: expect.stringMatching(/course|lesson-bundle/), documentId: expect.any(String), problem: 'check_failed', detail: report.commerce.error });
    }
    expect(new Set(report.drift.map((d: { uid: string }) => d.uid))).toEqual(new Set([COURSE, BUNDLE]));
  });

  it('finds missing products, wrong status and wrong prices against a commerce that answers', async () => {
    // A stand-in for Medusa's admin API on a real port: the two endpoints the CMS uses.
    const products = new Map<string, { id: string; status: string; metadata: null; variants: { id: string; prices: { currency_code: string; amount: number }[] }[] }>();
    const delivered: any[] = [];
    const auth: string[] = [];
    const server = http.createServer((req, res) => {
      auth.push(req.headers.authorization ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === '/admin/products') {
        const product = products.get(url.searchParams.get('handle') ?? '');
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ products: product ? [product] : [], count: product ? 1 : 0 }));
        return;
      }
      if (req.method === 'POST' && url.pathname === '/admin/catalog/documents') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          delivered.push(JSON.parse(body));
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ product_id: 'prod_fake', handle: 'x', status: 'published' }));
        });
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fakeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const original = strapi.config.get('plugin::community.commerceUrl');
    strapi.config.set('plugin::community.commerceUrl', fakeUrl);
    try {
      const [a] = await lessons([['一', 1, true]]);
      const inStep = await strapi.documents(COURSE).create({ data: { title: 'In step', price_fen: 9900, lessons: [a.documentId] } as any, status: 'published' });
      const repriced = await strapi.documents(COURSE).create({ data: { title: 'Repriced', price_fen: 19900 } as any, status: 'published' });
      const withdrawn = await strapi.documents(COURSE).create({ data: { title: 'Withdrawn', price_fen: 500 } as any });
      const missing = await strapi.documents(BUNDLE).create({
        data: { name: 'Missing bundle', course: inStep.documentId, lessons: [a.documentId], price_fen: 2990 } as any,
        status: 'published',
      });
      const product = (id: string, status: string, amount: number) => ({
        id,
        status,
        metadata: null,
        variants: [{ id: `variant_${id}`, prices: [{ currency_code: 'cny', amount }] }],
      });
      products.set(courseProductHandle(inStep.documentId), product('prod_in_step', 'published', 99));
      products.set(courseProductHandle(repriced.documentId), product('prod_repriced', 'published', 199.5));
      products.set(courseProductHandle(withdrawn.documentId), product('prod_withdrawn', 'published', 5));

      const report = await sync().reconcileAll();
      expect(report.commerce).toEqual({ url: fakeUrl, reachable: true, error: null });
      expect(report.compared).toBe(report.checked);
      const about = (documentId: string) => report.drift.filter((d: { documentId: string }) => d.documentId === documentId);
      expect(about(inStep.documentId)).toEqual([]);
      expect(about(repriced.documentId)).toEqual([
        { uid: COURSE, documentId: repriced.documentId, problem: 'wrong_price', detail: expect.stringContaining('19950 fen') },
      ]);
      expect(about(withdrawn.documentId)).toEqual([
        { uid: COURSE, documentId: withdrawn.documentId, problem: 'wrong_status', detail: expect.stringContaining('withdrawn') },
      ]);
      expect(about(missing.documentId)).toEqual([
        { uid: BUNDLE, documentId: missing.documentId, problem: 'missing_product', detail: expect.stringContaining(`bundle-${missing.documentId.toLowerCase()}`) },
      ]);
      expect(report.queued).toBe(report.drift.length);
      expect(auth.every((header) => header === `Basic ${Buffer.from('sk_unreachable:').toString('base64')}`)).toBe(true);

      // The queued bundle is delivered with the bundle contract.
      const bundlePayload = await waitFor(async () => delivered.find((p) => p.document_id === missing.documentId));
      expect(bundlePayload).toEqual({
        document_id: missing.documentId,
        kind: 'bundle',
        state: 'published',
        slug: 'missing-bundle',
        title: 'Missing bundle',
        summary: null,
        price_fen: 2990,
        course_document_id: inStep.documentId,
        lesson_document_ids: [a.documentId],
        validity_days: null,
        cms_updated_at: expect.any(String),
      });
      await waitFor(async () => (await sync().getState(BUNDLE, missing.documentId))?.state === 'synced');
    } finally {
      strapi.config.set('plugin::community.commerceUrl', original);
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('runs from the admin API for editors allowed to publish', async () => {
    const denied = await adminApi('/community/reconcile', { method: 'POST', token: null });
    expect(denied.status).toBe(401);
    const { status, body } = await adminApi('/community/reconcile', { method: 'POST' });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ compared: 0, commerce: { reachable: false } });
    expect(body.data.queued).toBe(body.data.drift.length);
  });
});

describe('bundle pricing admin API', () => {
  it('previews a bundle against its course and suggests splits', async () => {
    const twelve = await lessons(Array.from({ length: 12 }, (_, i) => [`第 ${i + 1} 讲`, i + 1, true] as [string, number, boolean]));
    const course = await strapi.documents(COURSE).create({
      data: { title: 'Pricing Course', price_fen: 19900, lessons: twelve.map((l) => l.documentId) } as any,
      status: 'published',
    });
    const ids = twelve.slice(0, 10).map((l) => l.documentId);

    expect((await adminApi('/community/bundle-pricing/preview', { method: 'POST', token: null, body: {} })).status).toBe(401);
    const invalid = await adminApi('/community/bundle-pricing/preview', { method: 'POST', body: { courseDocumentId: course.documentId, lessonDocumentIds: ids } });
    expect(invalid.status).toBe(400);

    const { status, body } = await adminApi('/community/bundle-pricing/preview', {
      method: 'POST',
      body: { courseDocumentId: course.documentId, lessonDocumentIds: ids, priceFen: 9900 },
    });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ fullPriceFen: 19900, perLessonSumFen: 16584, bundlePriceFen: 9900, savingFen: 6684, savingPercent: 40.3, warnings: [] });
    expect(body.meta.suggestions.map((s: { kind: string; priceFen: number }) => [s.kind, s.priceFen])).toEqual([
      ['taster', 2990],
      ['pack', 9900],
    ]);

    const dear = await adminApi('/community/bundle-pricing/preview', {
      method: 'POST',
      body: { courseDocumentId: course.documentId, lessonDocumentIds: [ids[0], 'otherlesson1'], priceFen: 2999.5 },
    });
    expect(dear.body.data.warnings.map((w: { code: string }) => w.code).sort()).toEqual([
      'bundle_dearer_than_lessons',
      'lessons_from_other_course',
      'price_not_whole_fen',
    ]);

    const missing = await adminApi('/community/bundle-pricing/preview', {
      method: 'POST',
      body: { courseDocumentId: 'nosuchcourse', lessonDocumentIds: [], priceFen: 1 },
    });
    expect(missing.status).toBe(404);

    const list = await adminApi('/community/bundle-pricing/courses');
    expect(list.status).toBe(200);
    const listed = list.body.data.find((c: { documentId: string }) => c.documentId === course.documentId);
    expect(listed.lessons).toHaveLength(12);
    expect(listed.lessons[0]).toEqual({ documentId: twelve[0].documentId, title: '第 1 讲', position: 1, free_preview: false });
  });

  it('saves a draft bundle that the public cannot see until it is published', async () => {
    const three = await lessons([
      ['一', 1, true],
      ['二', 2, true],
      ['三', 3, true],
    ]);
    const course = await strapi.documents(COURSE).create({
      data: { title: 'Save Bundle Course', price_fen: 9900, lessons: three.map((l) => l.documentId) } as any,
      status: 'published',
    });
    const created = await adminApi('/community/bundles', {
      method: 'POST',
      body: { courseDocumentId: course.documentId, name: '两讲体验包', lessonDocumentIds: [three[0].documentId, three[1].documentId], priceFen: 2990, validityDays: 30 },
    });
    expect(created.status).toBe(201);
    expect(created.body.meta.pricing).toMatchObject({ perLessonSumFen: 6600, savingFen: 3610 });
    const { documentId } = created.body.data;

    const draft = await strapi.documents(BUNDLE).findOne({ documentId, status: 'draft', populate: ['course', 'lessons'] } as any);
    expect(draft).toMatchObject({ name: '两讲体验包', price_fen: 2990, validity_days: 30, course: { documentId: course.documentId } });
    expect((draft as any).lessons).toHaveLength(2);
    expect(await strapi.documents(BUNDLE).findOne({ documentId, status: 'published' })).toBeNull();
    expect(await sync().getState(BUNDLE, documentId)).toBeNull(); // a draft is nothing commerce needs to know
    expect((await fetch(`${app.url}/api/community/lesson-bundles/${documentId}`)).status).toBe(404);

    const bad = await adminApi('/community/bundles', {
      method: 'POST',
      body: { courseDocumentId: course.documentId, name: '', lessonDocumentIds: [], priceFen: 29.9 },
    });
    expect(bad.status).toBe(400);
  });
});
