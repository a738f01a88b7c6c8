import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { BUNDLE_UID, COURSE_UID } from '../uids';
import { priceBundle, suggestSplits, type CourseForPricing } from '../services/bundle-pricing';
import { bundlePricingPreviewBody, createBundleBody, issues } from '../validation/bundle-pricing';

type CourseRow = {
  documentId: string;
  title: string;
  price_fen: number | null;
  lessons?: { documentId: string; title: string; position: number; free_preview: boolean }[];
};

/** The editor's view: the draft version of a course with its lessons, as the pricing service wants it. */
async function loadCourse(strapi: Core.Strapi, documentId: string): Promise<{ row: CourseRow; pricing: CourseForPricing }> {
  const row = (await strapi.documents(COURSE_UID).findOne({
    documentId,
    status: 'draft',
    fields: ['title', 'price_fen'],
    populate: { lessons: { fields: ['title', 'position', 'free_preview'], sort: ['position:asc'] } },
  } as any)) as unknown as CourseRow | null;
  if (!row) throw new errors.NotFoundError('Course not found');
  return { row, pricing: toPricingCourse(row) };
}

function toPricingCourse(row: CourseRow): CourseForPricing {
  return {
    documentId: row.documentId,
    priceFen: row.price_fen ?? null,
    lessons: (row.lessons ?? []).map((l) => ({ documentId: l.documentId, position: l.position, freePreview: l.free_preview })),
  };
}

/** Admin API behind the "拆分课程包 Bundles" page. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /community/bundle-pricing/courses — courses (drafts included) with their lessons and suggested splits. */
  async courses(ctx: any) {
    const rows = (await strapi.documents(COURSE_UID).findMany({
      status: 'draft',
      fields: ['title', 'price_fen'],
      populate: { lessons: { fields: ['title', 'position', 'free_preview'], sort: ['position:asc'] } },
      sort: ['updatedAt:desc'],
      limit: 200,
    } as any)) as unknown as CourseRow[];
    ctx.body = {
      data: rows.map((row) => ({
        documentId: row.documentId,
        title: row.title,
        price_fen: row.price_fen ?? null,
        lessons: (row.lessons ?? []).map((l) => ({ documentId: l.documentId, title: l.title, position: l.position, free_preview: l.free_preview })),
        suggestions: suggestSplits(toPricingCourse(row)),
      })),
    };
  },

  /** POST /community/bundle-pricing/preview — { courseDocumentId, lessonDocumentIds, priceFen } → the pricing result. */
  async preview(ctx: any) {
    const parsed = bundlePricingPreviewBody.safeParse(ctx.request.body);
    if (!parsed.success) throw new errors.ValidationError(issues(parsed.error));
    const { pricing } = await loadCourse(strapi, parsed.data.courseDocumentId);
    ctx.body = {
      data: priceBundle({ course: pricing, bundleLessonIds: parsed.data.lessonDocumentIds, bundlePriceFen: parsed.data.priceFen }),
      meta: { suggestions: suggestSplits(pricing) },
    };
  },

  /** POST /community/bundles — saves a DRAFT lesson bundle; the editor reviews and publishes it in the content manager. */
  async createBundle(ctx: any) {
    const parsed = createBundleBody.safeParse(ctx.request.body);
    if (!parsed.success) throw new errors.ValidationError(issues(parsed.error));
    const { courseDocumentId, name, lessonDocumentIds, priceFen, validityDays } = parsed.data;
    const { pricing } = await loadCourse(strapi, courseDocumentId);
    const userId = ctx.state.user?.id;
    const bundle = (await strapi.documents(BUNDLE_UID).create({
      data: {
        name,
        course: courseDocumentId,
        lessons: [...new Set(lessonDocumentIds)],
        price_fen: priceFen,
        validity_days: validityDays ?? null,
        ...(userId ? { createdBy: userId, updatedBy: userId } : {}),
      },
    } as any)) as unknown as { documentId: string; slug: string };
    ctx.status = 201;
    ctx.body = {
      data: { documentId: bundle.documentId, slug: bundle.slug },
      meta: { pricing: priceBundle({ course: pricing, bundleLessonIds: lessonDocumentIds, bundlePriceFen: priceFen }) },
    };
  },
});
