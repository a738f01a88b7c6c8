import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import { BUNDLE, COURSE, LESSON, SYNC_STATE, TEST_ENV } from './helpers';

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;
const publishing = () => strapi.plugin('community').service('scheduledPublishing');

// The injected clock: far from the real one, so the every-minute job never races these tests.
const NOW = new Date('2031-03-01T08:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000).toISOString();

beforeAll(async () => {
  app = await bootStrapi(TEST_ENV);
  strapi = app.strapi;
});

afterAll(async () => {
  await app?.stop();
});

describe('scheduled publishing (publish_at)', () => {
  it('runs every minute as a Strapi cron job', () => {
    const job = strapi.cron.jobs.find((j: { name: string | null }) => j.name === 'community-publish-due');
    expect(job).toBeDefined();
    expect(job!.options).toMatchObject({ rule: '0 * * * * *' });
  });

  it('publishes due drafts of lessons, courses and bundles, clears publish_at and leaves the rest', async () => {
    const lesson = await strapi.documents(LESSON).create({ data: { title: '定时课时', position: 1, publish_at: minutes(-5) } as any });
    const course = await strapi.documents(COURSE).create({
      data: { title: '定时课程', price_fen: 9900, lessons: [lesson.documentId], publish_at: minutes(-1) } as any,
    });
    const bundle = await strapi.documents(BUNDLE).create({
      data: { name: '定时课程包', course: course.documentId, lessons: [lesson.documentId], price_fen: 990, publish_at: minutes(0) } as any,
    });
    const later = await strapi.documents(COURSE).create({ data: { title: '以后再发', price_fen: 100, publish_at: minutes(30) } as any });
    const unscheduled = await strapi.documents(COURSE).create({ data: { title: '没有定时', price_fen: 100 } as any });

    const report = await publishing().publishDue(NOW);
    expect(report.failed).toEqual([]);
    expect(report.published).toEqual(
      expect.arrayContaining([
        { uid: LESSON, documentId: lesson.documentId },
        { uid: COURSE, documentId: course.documentId },
        { uid: BUNDLE, documentId: bundle.documentId },
      ])
    );
    // Lessons first, then courses, then bundles: each sees what it depends on already published.
    const order = report.published.map((p: { documentId: string }) => p.documentId);
    expect(order.indexOf(lesson.documentId)).toBeLessThan(order.indexOf(course.documentId));
    expect(order.indexOf(course.documentId)).toBeLessThan(order.indexOf(bundle.documentId));

    for (const [uid, documentId] of [
      [LESSON, lesson.documentId],
      [COURSE, course.documentId],
      [BUNDLE, bundle.documentId],
    ] as const) {
      const published = await strapi.documents(uid).findOne({ documentId, status: 'published' });
      expect(published, `${uid} published`).not.toBeNull();
      expect((published as any).publish_at).toBeNull();
      expect(((await strapi.documents(uid).findOne({ documentId, status: 'draft' })) as any).publish_at).toBeNull();
    }
    for (const documentId of [later.documentId, unscheduled.documentId]) {
      expect(await strapi.documents(COURSE).findOne({ documentId, status: 'published' })).toBeNull();
    }
    // Publishing through the scheduler is an ordinary publish: the outbox heard about it.
    const row = await strapi.db.query(SYNC_STATE).findOne({ where: { target_uid: BUNDLE, target_document_id: bundle.documentId } });
    expect(row).not.toBeNull();

    // The public sees the published ones.
    const rest = await fetch(`${app.url}/api/community/lesson-bundles/${bundle.documentId}`);
    expect(rest.status).toBe(200);

    // Nothing is due twice; the later one comes when its time comes.
    expect((await publishing().publishDue(NOW)).published).toEqual([]);
    const afterHalfAnHour = await publishing().publishDue(new Date(NOW.getTime() + 31 * 60_000));
    expect(afterHalfAnHour.published).toEqual([{ uid: COURSE, documentId: later.documentId }]);
  });

  it('re-publishes a published document whose draft carries scheduled changes', async () => {
    const course = await strapi.documents(COURSE).create({ data: { title: '旧标题', price_fen: 100 } as any, status: 'published' });
    await strapi.documents(COURSE).update({ documentId: course.documentId, data: { title: '新标题', publish_at: minutes(-1) } as any });
    expect(((await strapi.documents(COURSE).findOne({ documentId: course.documentId, status: 'published' })) as any).title).toBe('旧标题');
    await publishing().publishDue(NOW);
    expect(((await strapi.documents(COURSE).findOne({ documentId: course.documentId, status: 'published' })) as any).title).toBe('新标题');
  });

  it('keeps publish_at on a draft that cannot be published, and reports it', async () => {
    // Drafts may miss required fields; publishing validates them.
    const broken = await strapi.documents(LESSON).create({ data: { title: '缺少序号', publish_at: minutes(-2) } as any });
    const report = await publishing().publishDue(NOW);
    expect(report.failed).toEqual([{ uid: LESSON, documentId: broken.documentId, error: expect.any(String) }]);
    expect(await strapi.documents(LESSON).findOne({ documentId: broken.documentId, status: 'published' })).toBeNull();
    const draft = (await strapi.documents(LESSON).findOne({ documentId: broken.documentId, status: 'draft' })) as any;
    expect(new Date(draft.publish_at).toISOString()).toBe(minutes(-2));

    await strapi.documents(LESSON).update({ documentId: broken.documentId, data: { position: 7 } as any });
    const fixed = await publishing().publishDue(NOW);
    expect(fixed.published).toEqual([{ uid: LESSON, documentId: broken.documentId }]);
  });
});
