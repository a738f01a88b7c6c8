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

/** The split-price bundles of the demo course (拆分课程包): a 3-lesson taster and a 10-lesson pack. */
export const DEMO_BUNDLES = [
  { slug: 'community-operations-101-taster', name: '试听包：冷启动三讲', positions: [3, 4, 5], price_fen: 2990, validity_days: 30 },
  { slug: 'community-operations-101-core-10', name: '核心 10 讲', positions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], price_fen: 9900, validity_days: null },
];

/** A lesson body in Strapi's blocks format: the paid part, private to the storefront server. */
function lessonBody(title: string) {
  return [
    { type: 'heading', level: 2, children: [{ type: 'text', text: title }] },
    {
      type: 'paragraph',
      children: [{ type: 'text', text: `本讲要点：${title}。这里是付费正文，只有购买后才能阅读。` }],
    },
  ];
}

/**
 * The zh-CN demo a newcomer sees after `npm start`: one published course of 12 lessons
 * at ¥199 with two free previews, its instructor and interest tags, and two split-price
 * bundles (¥29.9 taster, ¥99 pack). Written through the document service, so the catalog
 * outbox syncs them to commerce like any editor's publish. Each part skips itself once present.
 */
export async function seedDemoContent(strapi: Core.Strapi): Promise<void> {
  const courses = strapi.documents('plugin::community.course');
  let course = await courses.findFirst({ filters: { slug: DEMO_COURSE_SLUG }, status: 'draft', populate: { lessons: { fields: ['position'] } } });
  if (!course) {
    const instructor = await strapi.documents('plugin::community.instructor').create({
      data: { name: '林小满', title: '社群主理人 · 5 年付费社群运营', bio: '从 0 搭建过 3 个千人付费社群，专注同好社群的冷启动与长期活跃。' },
    });
    const tags = [];
    for (const [name, slug] of [['社群运营', 'community-ops'], ['私域增长', 'private-traffic']]) {
      tags.push(await strapi.documents('plugin::community.interest-tag').create({ data: { name, slug } }));
    }
    const lessonIds: string[] = [];
    for (const [index, title] of LESSON_TITLES.entries()) {
      const lesson = await strapi.documents('plugin::community.lesson').create({
        data: { title, position: index + 1, free_preview: index < 2, kind: 'text', duration_seconds: 900, body: lessonBody(title) } as any,
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
        level: 'beginner',
        instructor: instructor.documentId,
        interest_tags: tags.map((t) => t.documentId),
        lessons: lessonIds,
      } as any,
      status: 'published',
    });
    strapi.log.info('Seeded the demo course');
    course = await courses.findFirst({ filters: { slug: DEMO_COURSE_SLUG }, status: 'draft', populate: { lessons: { fields: ['position'] } } });
  }
  if (course) await seedDemoBundles(strapi, course as any);
  if (course) await seedDemoTranslations(strapi, course.documentId);
  await seedMembersOnlyCourse(strapi);
}

export const MEMBERS_COURSE_SLUG = 'monthly-review-for-members';

const MEMBERS_LESSON_TITLES = ['导读：每月复盘怎么做', '本月案例：一个 69 人 VIP 群的轮换实验', '本月工具：活码与渠道转化看板'];

/**
 * A members-only course (会员专享): not sold on its own, open to every active member; its
 * first lesson is a free preview that shows visitors what membership brings.
 */
async function seedMembersOnlyCourse(strapi: Core.Strapi): Promise<void> {
  const courses = strapi.documents('plugin::community.course');
  if (await courses.findFirst({ filters: { slug: MEMBERS_COURSE_SLUG }, status: 'draft' })) return;
  const lessonIds: string[] = [];
  for (const [index, title] of MEMBERS_LESSON_TITLES.entries()) {
    const lesson = await strapi.documents('plugin::community.lesson').create({
      data: { title, position: index + 1, free_preview: index === 0, kind: 'text', duration_seconds: 1200, body: lessonBody(title) } as any,
      status: 'published',
    });
    lessonIds.push(lesson.documentId);
  }
  await courses.create({
    data: {
      title: '会员专享：每月社群运营复盘',
      slug: MEMBERS_COURSE_SLUG,
      summary: '每月一期：真实社群的数据复盘与可复制的打法。开通会员即可观看全部内容。',
      price_fen: null,
      level: 'intermediate',
      visibility: 'members',
      lessons: lessonIds,
    } as any,
    status: 'published',
  });
  strapi.log.info('Seeded the members-only demo course');
}

type Translation = {
  course: { title: string; summary: string; body: string };
  instructor: { name: string; title: string; bio: string };
  /** By tag slug (slugs are shared by all locales). */
  tags: Record<string, string>;
};

/** The demo course and its instructor and tags in Traditional Chinese (Taiwan) and English. */
export const DEMO_TRANSLATIONS: Record<'zh-Hant-TW' | 'en', Translation> = {
  'zh-Hant-TW': {
    course: {
      title: '社群營運實戰：從 0 到 1 打造付費社群',
      summary: '12 講帶你搭建一個活躍、能變現的付費社群：定位、冷啟動、內容沉澱、分享會與裂變增長。前兩講免費試聽。',
      body: '這門課寫給剛開始經營同好社群的主理人：從一句話價值、第一批種子用戶，到分享會、VIP 群與裂變增長，每一講都附上可以直接照做的清單。',
    },
    instructor: {
      name: '林小滿',
      title: '社群主理人 · 5 年付費社群營運',
      bio: '從 0 搭建過 3 個千人付費社群，專注同好社群的冷啟動與長期活躍。',
    },
    tags: { 'community-ops': '社群營運', 'private-traffic': '私域增長' },
  },
  en: {
    course: {
      title: 'Community Operations in Practice: Build a Paid Community from Zero',
      summary:
        '12 lessons on building an active paid community that earns: positioning, cold start, keeping content, sharing sessions and referral growth. The first two lessons are free previews.',
      body: 'Written for hosts who are starting a community around a shared interest: from a one-line value proposition and the first seed members to sharing sessions, VIP groups and referral growth, every lesson ends with a checklist you can follow.',
    },
    instructor: {
      name: 'Lin Xiaoman',
      title: 'Community host · 5 years running paid communities',
      bio: 'Has built three paid communities of over a thousand members from zero; focuses on cold start and keeping interest communities active.',
    },
    tags: { 'community-ops': 'Community operations', 'private-traffic': 'Private traffic growth' },
  },
};

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/**
 * Adds the zh-Hant-TW and en versions of the demo course (published), its instructor and its
 * tags. Each version is written only when missing, so databases seeded before the content was
 * localized get them on their next start, and later starts add nothing. Lessons stay zh-CN only:
 * the storefront shows the zh-CN version of whatever has no translation.
 */
async function seedDemoTranslations(strapi: Core.Strapi, courseDocumentId: string): Promise<void> {
  const courses = strapi.documents('plugin::community.course');
  const instructors = strapi.documents('plugin::community.instructor');
  const tags = strapi.documents('plugin::community.interest-tag');
  const source = (await courses.findOne({
    documentId: courseDocumentId,
    locale: 'zh-CN',
    status: 'draft',
    populate: { instructor: { fields: ['documentId'] }, interest_tags: { fields: ['documentId', 'slug'] } },
  } as any)) as unknown as { instructor?: { documentId: string } | null; interest_tags?: { documentId: string; slug: string }[] } | null;
  if (!source) return;

  for (const [locale, translation] of Object.entries(DEMO_TRANSLATIONS)) {
    const instructorId = source.instructor?.documentId;
    if (instructorId && !(await instructors.findOne({ documentId: instructorId, locale } as any))) {
      await instructors.update({ documentId: instructorId, locale, data: translation.instructor } as any);
    }
    const tagIds: string[] = [];
    for (const tag of source.interest_tags ?? []) {
      const name = translation.tags[tag.slug];
      if (!name) continue;
      if (!(await tags.findOne({ documentId: tag.documentId, locale } as any))) {
        await tags.update({ documentId: tag.documentId, locale, data: { name } } as any);
      }
      tagIds.push(tag.documentId);
    }
    if (await courses.findOne({ documentId: courseDocumentId, locale, status: 'draft' } as any)) continue;
    await courses.update({
      documentId: courseDocumentId,
      locale,
      data: {
        title: translation.course.title,
        summary: translation.course.summary,
        body: paragraph(translation.course.body),
        // Relations link versions of the same locale: the translated instructor and tags.
        ...(instructorId ? { instructor: instructorId } : {}),
        interest_tags: tagIds,
      },
      status: 'published',
    } as any);
    strapi.log.info(`Seeded the ${locale} version of the demo course`);
  }
}

async function seedDemoBundles(
  strapi: Core.Strapi,
  course: { documentId: string; lessons?: { documentId: string; position: number }[] }
): Promise<void> {
  const bundles = strapi.documents('plugin::community.lesson-bundle');
  const byPosition = new Map((course.lessons ?? []).map((l) => [l.position, l.documentId]));
  for (const demo of DEMO_BUNDLES) {
    if (await bundles.findFirst({ filters: { slug: demo.slug }, status: 'draft' })) continue;
    const lessons = demo.positions.map((p) => byPosition.get(p)).filter((id): id is string => Boolean(id));
    await bundles.create({
      data: {
        name: demo.name,
        slug: demo.slug,
        course: course.documentId,
        lessons,
        price_fen: demo.price_fen,
        validity_days: demo.validity_days,
      } as any,
      status: 'published',
    });
    strapi.log.info(`Seeded the demo bundle ${demo.slug}`);
  }
}
