import type { Core } from '@strapi/strapi';

export const DEMO_COURSE_SLUG = 'community-operations-101';

const LESSON_TITLES = [
  '开篇：为什么你的社群总是活不过三个月',
  '定位：找到同好，写清楚社群的一句话价值',
  '冷启动：第一批 50 位种子用户从哪里来',
  '群规与入群仪式：让新人三分钟融入',
  '内容沉淀：把聊天里的好内容变成资产',
  '分享会：如何策划一场线上分享',
  '线下沙龙：场地、众筹与现场流程',
  '角色分工：群主、大咖、活跃分子与普通成员',
  '付费设计：拆分课程包与低价试水',
  'VIP 群：人数上限、轮换与候补',
  '裂变增长：海报、推荐码与活码',
  '复盘：用数据看哪个渠道真正带来转化',
];

/**
 * The zh-CN demo a newcomer sees after `npm start`: one published course of 12 lessons
 * at ¥199 with two free previews. Written through the document service, so the catalog
 * outbox syncs it to commerce like any editor's publish. Skips itself once present.
 */
export async function seedDemoContent(strapi: Core.Strapi): Promise<void> {
  const courses = strapi.documents('plugin::community.course');
  const existing = await courses.findFirst({ filters: { slug: DEMO_COURSE_SLUG }, status: 'draft' });
  if (existing) return;

  const lessonIds: string[] = [];
  for (const [index, title] of LESSON_TITLES.entries()) {
    const lesson = await strapi.documents('plugin::community.lesson').create({
      data: { title, position: index + 1, free_preview: index < 2 },
      status: 'published',
    });
    lessonIds.push(lesson.documentId);
  }
  await courses.create({
    data: {
      title: '社群运营实战：从 0 到 1 打造付费社群',
      slug: DEMO_COURSE_SLUG,
      summary: '12 讲带你搭建一个活跃、能变现的付费社群：定位、冷启动、内容沉淀、分享会与裂变增长。前两讲免费试听。',
      price_fen: 19900,
      lessons: lessonIds,
    },
    status: 'published',
  });
  strapi.log.info('Seeded the demo course');
}
