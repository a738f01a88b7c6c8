import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import { COURSE, LESSON, TEST_ENV } from './helpers';

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
