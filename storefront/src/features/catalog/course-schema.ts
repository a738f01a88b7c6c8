import { z } from 'astro/zod';
import { toPlanHandles } from '../membership/visibility';
import { absoluteMediaUrl } from './media-url';

export const courseLevels = ['beginner', 'intermediate', 'advanced'] as const;
export type CourseLevel = (typeof courseLevels)[number];

export function isCourseLevel(value: unknown): value is CourseLevel {
  return typeof value === 'string' && (courseLevels as readonly string[]).includes(value);
}

export const lessonKinds = ['video', 'audio', 'text'] as const;
export type LessonKind = (typeof lessonKinds)[number];

function isLessonKind(value: unknown): value is LessonKind {
  return typeof value === 'string' && (lessonKinds as readonly string[]).includes(value);
}

const mediaSchema = z.object({
  url: z.string(),
  alternativeText: z.string().nullish(),
});

/** One lesson as the CMS GraphQL API returns it (title and outline only: content is never public). */
export const lessonSchema = z.object({
  documentId: z.string().min(1),
  title: z.string(),
  position: z.number().int(),
  free_preview: z.boolean().nullable().transform((value) => value === true),
  duration_seconds: z.number().int().nonnegative().nullish(),
  // Unknown kinds degrade to null instead of failing the whole page.
  kind: z.string().nullish(),
  // 'public' | 'members' | 'plans' (see features/membership/visibility.ts); plans: JSON array of plan handles.
  visibility: z.string().nullish(),
  visible_to_plans: z.unknown().optional(),
});

const instructorSchema = z.object({
  documentId: z.string().min(1),
  name: z.string(),
  title: z.string().nullish(),
  bio: z.string().nullish(),
  avatar: z.object({ url: z.string() }).nullish(),
});

const interestTagSchema = z.object({
  name: z.string(),
  slug: z.string().nullish(),
});

/** One course as the CMS GraphQL API returns it (field names are the contract). */
export const courseSchema = z.object({
  documentId: z.string().min(1),
  title: z.string(),
  slug: z.string().nullable(),
  summary: z.string().nullable(),
  // Null means "not for sale".
  price_fen: z.number().int().nonnegative().nullable(),
  // The rest is optional so list queries can ask for less; unknown levels degrade to null.
  body: z.unknown().optional(),
  level: z.string().nullish(),
  visibility: z.string().nullish(),
  visible_to_plans: z.unknown().optional(),
  cover: mediaSchema.nullish(),
  instructor: instructorSchema.nullish(),
  interest_tags: z.array(interestTagSchema.nullable()).nullish(),
  lessons: z.array(lessonSchema),
});

export const coursesResponseSchema = z.object({
  communityCourses: z.array(courseSchema.nullable()).transform((courses) => courses.filter((c) => c !== null)),
});

export const interestTagsResponseSchema = z.object({
  communityInterestTags: z.array(interestTagSchema.nullable()),
});

export type CmsCourse = z.infer<typeof courseSchema>;

export interface Lesson {
  id: string;
  title: string;
  position: number;
  freePreview: boolean;
  durationSeconds: number | null;
  kind: LessonKind | null;
  /** As the CMS gives it ('public' | 'members' | 'plans'), or null. */
  visibility: string | null;
  /** Plan handles for visibility 'plans'. */
  visibleToPlans: string[];
}

export interface Instructor {
  id: string;
  name: string;
  title: string | null;
  bio: string | null;
  avatarUrl: string | null;
}

export interface InterestTag {
  name: string;
  slug: string;
}

export interface Course {
  id: string;
  title: string;
  slug: string;
  summary: string | null;
  priceFen: number | null;
  level: CourseLevel | null;
  visibility: string | null;
  /** Plan handles for visibility 'plans'. */
  visibleToPlans: string[];
  cover: { url: string; alt: string } | null;
  instructor: Instructor | null;
  tags: InterestTag[];
  /** The public description as Strapi blocks (render with renderBlocks), or null. */
  body: unknown;
  lessons: Lesson[];
}

export interface ToCourseOptions {
  /** Where relative media URLs ("/uploads/…") live: the CMS origin. */
  mediaBase?: string;
}

/** Tags without a slug cannot be filtered by, so they are dropped. */
export function toInterestTags(raw: readonly (z.infer<typeof interestTagSchema> | null)[] | null | undefined): InterestTag[] {
  const tags: InterestTag[] = [];
  for (const tag of raw ?? []) {
    const slug = tag?.slug?.trim();
    if (tag && slug) tags.push({ name: tag.name, slug });
  }
  return tags;
}

/**
 * Maps the CMS shape to ours. Courses without a slug cannot be linked to, so they are
 * dropped (null). Lessons are re-sorted defensively: order matters to buyers.
 */
export function toCourse(raw: CmsCourse, options: ToCourseOptions = {}): Course | null {
  const slug = raw.slug?.trim();
  if (!slug) return null;
  const base = options.mediaBase ?? '';
  const coverUrl = absoluteMediaUrl(raw.cover?.url, base);
  const instructor = raw.instructor;
  return {
    id: raw.documentId,
    title: raw.title,
    slug,
    summary: raw.summary?.trim() || null,
    priceFen: raw.price_fen,
    level: isCourseLevel(raw.level) ? raw.level : null,
    visibility: raw.visibility ?? null,
    visibleToPlans: toPlanHandles(raw.visible_to_plans),
    cover: coverUrl ? { url: coverUrl, alt: raw.cover?.alternativeText?.trim() || '' } : null,
    instructor: instructor
      ? {
          id: instructor.documentId,
          name: instructor.name,
          title: instructor.title?.trim() || null,
          bio: instructor.bio?.trim() || null,
          avatarUrl: absoluteMediaUrl(instructor.avatar?.url, base),
        }
      : null,
    tags: toInterestTags(raw.interest_tags),
    body: raw.body ?? null,
    lessons: [...raw.lessons]
      .sort((a, b) => a.position - b.position)
      .map((lesson) => ({
        id: lesson.documentId,
        title: lesson.title,
        position: lesson.position,
        freePreview: lesson.free_preview,
        durationSeconds: lesson.duration_seconds ?? null,
        kind: isLessonKind(lesson.kind) ? lesson.kind : null,
        visibility: lesson.visibility ?? null,
        visibleToPlans: toPlanHandles(lesson.visible_to_plans),
      })),
  };
}
