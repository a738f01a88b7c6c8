import { describe, expect, it } from 'vitest';
import { recordCatalogChange } from './record-catalog-change';
import { BUNDLE_UID, COURSE_UID, LESSON_UID } from '../uids';

/** A catalog sync that remembers what was queued; a lesson belongs to course C1 and bundle B1. */
function fakeStrapi() {
  const queued: string[] = [];
  const sync = {
    async relatedSellables(uid: string) {
      return uid === LESSON_UID ? [{ uid: COURSE_UID, documentId: 'C1' }, { uid: BUNDLE_UID, documentId: 'B1' }] : [];
    },
    async markChanged(uid: string, documentId: string) {
      queued.push(`${uid} ${documentId}`);
    },
  };
  return { strapi: { plugin: () => ({ service: () => sync }) } as any, queued };
}

const run = async (ctx: { uid: string; action: string; params: Record<string, unknown> }) => {
  const { strapi, queued } = fakeStrapi();
  await recordCatalogChange(strapi)(ctx as any, async () => ({ documentId: ctx.params.documentId }) as any);
  return queued;
};

describe('recordCatalogChange: lessons re-queue their course (its payload carries their visibility)', () => {
  it('publishing a lesson whose visibility changed re-queues its course and bundles', async () => {
    expect(await run({ uid: LESSON_UID, action: 'publish', params: { documentId: 'L1' } })).toEqual([`${COURSE_UID} C1`, `${BUNDLE_UID} B1`]);
  });

  it('an update written straight to the published version, an unpublish or a delete does too', async () => {
    const update = { uid: LESSON_UID, action: 'update', params: { documentId: 'L1', status: 'published', data: { visibility: 'members' } } };
    expect(await run(update)).toContain(`${COURSE_UID} C1`);
    expect(await run({ uid: LESSON_UID, action: 'unpublish', params: { documentId: 'L1' } })).toContain(`${COURSE_UID} C1`);
    expect(await run({ uid: LESSON_UID, action: 'delete', params: { documentId: 'L1' } })).toContain(`${COURSE_UID} C1`);
  });

  it('a draft-only save changes nothing commerce sees, so it queues nothing (the publish will)', async () => {
    expect(await run({ uid: LESSON_UID, action: 'update', params: { documentId: 'L1', data: { visibility: 'members' } } })).toEqual([]);
  });
});
