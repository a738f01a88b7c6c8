import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';

const COURSE = 'plugin::community.course';
const LESSON = 'plugin::community.lesson';

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  app = await bootStrapi({
    PORT: '0',
    // Nothing listens on port 9: commerce is genuinely unreachable for these tests.
    COMMERCE_URL: 'http://127.0.0.1:9',
    COMMERCE_API_KEY: 'sk_unreachable',
    CATALOG_SYNC_INTERVAL_MS: '200',
    CATALOG_SYNC_MAX_BACKOFF_MS: '400',
  });
  strapi = app.strapi;
});

afterAll(async () => {
  await app?.stop();
});

describe('public content API', () => {
  it('lists published courses with their lessons in order, over REST and GraphQL', async () => {
    const lessons = [];
    for (const [title, position] of [['第二讲', 2], ['第一讲', 1]] as const) {
      lessons.push(
        await strapi.documents(LESSON).create({ data: { title, position, free_preview: position === 1 }, status: 'published' })
      );
    }
    const course = await strapi.documents(COURSE).create({
      data: { title: '公开课程', price_fen: 2990, lessons: lessons.map((l) => l.documentId) },
      status: 'published',
    });

    const rest = await fetch(`${app.url}/api/community/courses/${course.documentId}?populate=lessons`);
    expect(rest.status).toBe(200);
    expect((await rest.json()).data).toMatchObject({ title: '公开课程', price_fen: 2990 });

    const { data, errors } = await graphql(
      `query($id: ID!) { communityCourse(documentId: $id) { title price_fen lessons(sort: "position:asc") { title position free_preview } } }`,
      { id: course.documentId }
    );
    expect(errors).toBeUndefined();
    expect(data.communityCourse.lessons).toEqual([
      { title: '第一讲', position: 1, free_preview: true },
      { title: '第二讲', position: 2, free_preview: false },
    ]);
  });

  it('never shows drafts to the public, even when asked for them', async () => {
    const draft = await strapi.documents(COURSE).create({ data: { title: '未发布的草稿课程', price_fen: 100 } });

    const list = await fetch(`${app.url}/api/community/courses?status=draft`).then((r) => r.json());
    expect(list.data.map((c: { title: string }) => c.title)).not.toContain('未发布的草稿课程');

    const one = await fetch(`${app.url}/api/community/courses/${draft.documentId}?status=draft`);
    expect(one.status).toBe(404);

    const { data } = await graphql(`{ communityCourses(status: DRAFT) { title } }`);
    expect(data.communityCourses.map((c: { title: string }) => c.title)).not.toContain('未发布的草稿课程');

    const single = await graphql(`query($id: ID!) { communityCourse(documentId: $id, status: DRAFT) { title } }`, {
      id: draft.documentId,
    });
    expect(single.data?.communityCourse ?? null).toBeNull();

    // The editors (server code, admin) still see the draft.
    const internal = await strapi.documents(COURSE).findOne({ documentId: draft.documentId, status: 'draft' });
    expect(internal?.title).toBe('未发布的草稿课程');
  });

  it('does not expose the sync outbox to the public', async () => {
    const response = await fetch(`${app.url}/api/community/catalog-sync-states`);
    expect(response.status).toBe(404);
    const { errors } = await graphql(`{ communityCatalogSyncStates { target_document_id } }`);
    expect(errors?.length).toBeGreaterThan(0);
  });
});

describe('course slugs', () => {
  it('fills a unique slug when the title is Chinese and none is given', async () => {
    const a = await strapi.documents(COURSE).create({ data: { title: '私域运营' } });
    const b = await strapi.documents(COURSE).create({ data: { title: 'Growth Hacking 101' } });
    const c = await strapi.documents(COURSE).create({ data: { title: 'Growth Hacking 101' } });
    expect(a.slug).toMatch(/^course-[a-z0-9]{6}$/);
    expect(b.slug).toBe('growth-hacking-101');
    expect(c.slug).toBe('growth-hacking-101-2');
  });
});

describe('catalog outbox', () => {
  it('records a publish and keeps retrying, visibly, while commerce is unreachable', async () => {
    const course = await strapi.documents(COURSE).create({ data: { title: '离线同步课程', price_fen: 9900 }, status: 'published' });
    const sync = strapi.plugin('community').service('catalogSync');

    const failed = await waitFor(async () => {
      const state = await sync.getState(COURSE, course.documentId);
      return state && state.state === 'failed' && state.attempts >= 2 ? state : undefined;
    });
    expect(failed.last_error).toMatch(/fetch failed|ECONNREFUSED/);
    expect(failed.next_attempt_at).not.toBeNull();

    // A later change supersedes the queued one instead of adding a second row.
    await strapi.documents(COURSE).unpublish({ documentId: course.documentId });
    const rows = await strapi.db.query('plugin::community.catalog-sync-state').findMany({ where: { target_document_id: course.documentId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].change_seq).toBe(2);
  });

  it('does not queue draft-only saves', async () => {
    const course = await strapi.documents(COURSE).create({ data: { title: '只存草稿', price_fen: 100 } });
    await strapi.documents(COURSE).update({ documentId: course.documentId, data: { summary: '改了草稿' } });
    const sync = strapi.plugin('community').service('catalogSync');
    expect(await sync.getState(COURSE, course.documentId)).toBeNull();
  });
});

describe('older rows', () => {
  it('get the default of a required attribute added after they were written', async () => {
    const course = await strapi.documents(COURSE).create({ data: { title: '旧数据课程', price_fen: 100 }, status: 'published' });
    // As a row written before `visibility` existed looks: NULL in the column.
    await strapi.db.connection('community_courses').where({ document_id: course.documentId }).update({ visibility: null });
    const { backfillRequiredDefaults } = await import('../../plugins/strapi-plugin-community/server/src/services/backfill-defaults');
    expect(await backfillRequiredDefaults(strapi, [COURSE])).toBeGreaterThanOrEqual(2); // draft and published rows
    const { data, errors } = await graphql(`query($id: ID!) { communityCourse(documentId: $id) { visibility } }`, { id: course.documentId });
    expect(errors).toBeUndefined();
    expect(data.communityCourse.visibility).toBe('public');
  });
});

describe('catalog outbox and transactions', () => {
  it('delivers nothing for a publish whose transaction rolled back', async () => {
    const received: string[] = [];
    const { createServer } = await import('node:http');
    // Records what reaches "commerce" (the real one is not part of these tests).
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ product_id: 'prod_test', handle: 'h', status: 'published' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const original = strapi.config.get('plugin::community.commerceUrl');
    strapi.config.set('plugin::community.commerceUrl', `http://127.0.0.1:${(server.address() as { port: number }).port}`);
    try {
      const course = await strapi.documents(COURSE).create({ data: { title: '撤销的发布', price_fen: 100 } });
      await expect(
        strapi.db.transaction(async () => {
          await strapi.documents(COURSE).publish({ documentId: course.documentId });
          await new Promise((resolve) => setTimeout(resolve, 300)); // time for an eager delivery
          throw new Error('editor cancelled');
        })
      ).rejects.toThrow('editor cancelled');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(received.filter((body) => body.includes(course.documentId))).toEqual([]);
      expect(await strapi.plugin('community').service('catalogSync').getState(COURSE, course.documentId)).toBeNull();

      // A committed publish is delivered right away.
      await strapi.documents(COURSE).publish({ documentId: course.documentId });
      await waitFor(async () => received.some((body) => body.includes(course.documentId)));
    } finally {
      strapi.config.set('plugin::community.commerceUrl', original);
      server.close();
    }
  });
});
