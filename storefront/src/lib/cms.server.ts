import { CMS_API_TOKEN, CMS_URL, UPSTREAM_TIMEOUT_MS } from 'astro:env/server';
import { z } from 'astro/zod';
import { ClientError, GraphQLClient } from 'graphql-request';
import { bundlesResponseSchema, toBundle, type LessonBundle } from '../features/bundles/bundle-schema';
import type { CatalogFilters } from '../features/catalog/catalog-query';
import {
  coursesResponseSchema,
  interestTagsResponseSchema,
  toCourse,
  toInterestTags,
  type Course,
  type InterestTag,
} from '../features/catalog/course-schema';
import { localizeBundles, localizeCourse, localizeCourses, localizeTags } from '../features/catalog/localize';
import { lessonContentResponseSchema, type LessonContent } from '../features/learning/lesson-content-schema';
import { cmsDefaultLocale, cmsLocale, type CmsLocale } from '../i18n/cms-locale';
import type { Locale } from '../i18n/locales';
import { UpstreamError } from './upstream-error';

const CMS_BASE = CMS_URL.replace(/\/+$/, '');

/** The one client for Strapi's GraphQL API (public, no token: only published content is visible). */
const client = new GraphQLClient(`${CMS_BASE}/graphql`);

/*
 * Locales. Every query names its CMS locale (src/i18n/cms-locale.ts maps page locales onto them).
 * The zh-CN (default-locale) version of a document is the canonical one: it decides which
 * courses exist, their order, price, lessons and bundles, and it is what commerce sells. For
 * another page locale the same documents are also fetched in that locale and their texts laid
 * over the zh-CN ones (features/catalog/localize.ts): no translation means zh-CN text, never a 404.
 */

// Field names are the CMS contract; keep them in sync with course-schema.ts.
// Lists (cards) ask for less than the course page: no description, no instructor.
const COURSE_CARD_FIELDS = /* GraphQL */ `
  documentId
  title
  slug
  summary
  price_fen
  level
  visibility
  visible_to_plans
  cover { url alternativeText }
  interest_tags(pagination: { limit: 50 }) { name slug }
  lessons(sort: "position:asc", pagination: { limit: 200 }) {
    documentId
    title
    position
    free_preview
    visibility
    visible_to_plans
  }
`;

const COURSE_PAGE_FIELDS = /* GraphQL */ `
  documentId
  title
  slug
  summary
  body
  price_fen
  level
  visibility
  visible_to_plans
  cover { url alternativeText }
  instructor { documentId name title bio avatar { url } }
  interest_tags(pagination: { limit: 50 }) { name slug }
  lessons(sort: "position:asc", pagination: { limit: 200 }) {
    documentId
    title
    position
    free_preview
    duration_seconds
    kind
    visibility
    visible_to_plans
  }
`;

const COURSE_BY_SLUG = /* GraphQL */ `
  query CourseBySlug($slug: String!, $locale: I18NLocaleCode!) {
    communityCourses(locale: $locale, filters: { slug: { eq: $slug } }, pagination: { limit: 1 }) { ${COURSE_PAGE_FIELDS} }
  }
`;

const COURSES_BY_IDS = /* GraphQL */ `
  query CoursesByIds($ids: [ID]!, $locale: I18NLocaleCode!) {
    communityCourses(locale: $locale, filters: { documentId: { in: $ids } }, pagination: { limit: 200 }) { ${COURSE_CARD_FIELDS} }
  }
`;

const INTEREST_TAGS = /* GraphQL */ `
  query InterestTags($locale: I18NLocaleCode!) {
    communityInterestTags(locale: $locale, sort: "name:asc", pagination: { limit: 100 }) { name slug }
  }
`;

const BUNDLE_NAMES = /* GraphQL */ `
  query BundleNames($ids: [ID]!, $locale: I18NLocaleCode!) {
    communityLessonBundles(locale: $locale, filters: { documentId: { in: $ids } }, pagination: { limit: 50 }) { documentId name }
  }
`;

const bundleNamesSchema = z.object({
  communityLessonBundles: z.array(z.object({ documentId: z.string(), name: z.string() }).nullable()),
});

const BUNDLES_OF_COURSE = /* GraphQL */ `
  query BundlesOfCourse($courseId: ID!, $locale: I18NLocaleCode!) {
    communityLessonBundles(
      locale: $locale
      filters: { course: { documentId: { eq: $courseId } } }
      sort: "price_fen:asc"
      pagination: { limit: 50 }
    ) {
      documentId
      name
      slug
      price_fen
      validity_days
      lessons(pagination: { limit: 200 }) { documentId position }
    }
  }
`;

/** The catalog query: filters are only written into the document when they are set. */
function listCoursesDocument(filters: CatalogFilters): string {
  const variables: string[] = ['$locale: I18NLocaleCode!'];
  const where: string[] = [];
  if (filters.tag) {
    variables.push('$tag: String!');
    where.push('interest_tags: { slug: { eq: $tag } }');
  }
  if (filters.level) {
    variables.push('$level: String!');
    where.push('level: { eq: $level }');
  }
  const signature = `(${variables.join(', ')})`;
  const filterArgument = where.length ? `filters: { ${where.join(', ')} }, ` : '';
  return /* GraphQL */ `
    query ListCourses${signature} {
      communityCourses(locale: $locale, ${filterArgument}sort: "title:asc", pagination: { limit: 100 }) { ${COURSE_CARD_FIELDS} }
    }
  `;
}

async function query(document: string, variables?: Record<string, unknown>): Promise<unknown> {
  try {
    return await client.request<unknown>({
      document,
      variables,
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch (error) {
    const status = error instanceof ClientError ? error.response.status : undefined;
    throw new UpstreamError('cms', 'GraphQL request failed', { status, cause: error });
  }
}

function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new UpstreamError('cms', `Response does not match the ${what} contract`, { cause: parsed.error });
  }
  return parsed.data;
}

function parseCourses(data: unknown): Course[] {
  return parse(coursesResponseSchema, data, 'course')
    .communityCourses.map((course) => toCourse(course, { mediaBase: CMS_BASE }))
    .filter((course) => course !== null);
}

/** Courses with these ids in a CMS locale (a locale's versions exist only where translated). */
async function coursesByIds(ids: readonly string[], locale: CmsLocale): Promise<Course[]> {
  if (ids.length === 0) return [];
  return parseCourses(await query(COURSES_BY_IDS, { ids: [...ids], locale }));
}

/** zh-CN courses with the page locale's texts laid over them (no extra query for zh-CN pages). */
async function translated(base: Course[], locale: Locale): Promise<Course[]> {
  const target = cmsLocale(locale);
  if (target === cmsDefaultLocale || base.length === 0) return base;
  return localizeCourses(base, await coursesByIds(base.map((course) => course.id), target));
}

/**
 * Published courses (sorted by their zh-CN title), optionally filtered by interest tag and level,
 * in the page locale. Filters apply to the zh-CN versions, whose tags every course has.
 */
export async function listCourses(filters: CatalogFilters, locale: Locale): Promise<Course[]> {
  const variables: Record<string, string> = { locale: cmsDefaultLocale };
  if (filters.tag) variables.tag = filters.tag;
  if (filters.level) variables.level = filters.level;
  return translated(parseCourses(await query(listCoursesDocument(filters), variables)), locale);
}

/** Published courses with these document ids (any order; missing ones are left out), in the page locale. */
export async function getCoursesByIds(ids: readonly string[], locale: Locale): Promise<Course[]> {
  return translated(await coursesByIds(ids, cmsDefaultLocale), locale);
}

/**
 * The published course with this slug in the page locale, or null (missing or unpublished).
 * Slugs are shared by all locales. Without a translation, the zh-CN course is shown; a course
 * published only in another locale (not for sale: commerce follows zh-CN) is shown as it is.
 */
export async function getCourseBySlug(slug: string, locale: Locale): Promise<Course | null> {
  const target = cmsLocale(locale);
  const bySlug = async (cms: CmsLocale) => parseCourses(await query(COURSE_BY_SLUG, { slug, locale: cms }))[0] ?? null;
  if (target === cmsDefaultLocale) return bySlug(cmsDefaultLocale);
  const [base, translation] = await Promise.all([bySlug(cmsDefaultLocale), bySlug(target)]);
  return base ? localizeCourse(base, translation) : translation;
}

/** Interest tags for the catalog filter, named in the page locale. */
export async function listInterestTags(locale: Locale): Promise<InterestTag[]> {
  const tagsIn = async (cms: CmsLocale) =>
    toInterestTags(parse(interestTagsResponseSchema, await query(INTEREST_TAGS, { locale: cms }), 'interest tag').communityInterestTags);
  const target = cmsLocale(locale);
  if (target === cmsDefaultLocale) return tagsIn(cmsDefaultLocale);
  const [base, names] = await Promise.all([tagsIn(cmsDefaultLocale), tagsIn(target)]);
  return localizeTags(base, names);
}

/** The published lesson bundles of a course, restricted to the course's own lessons, named in the page locale. */
export async function listBundles(course: Pick<Course, 'id' | 'lessons'>, locale: Locale): Promise<LessonBundle[]> {
  const data = parse(
    bundlesResponseSchema,
    await query(BUNDLES_OF_COURSE, { courseId: course.id, locale: cmsDefaultLocale }),
    'lesson bundle'
  );
  const lessonIds = course.lessons.map((lesson) => lesson.id);
  const bundles = data.communityLessonBundles
    .map((bundle) => (bundle ? toBundle(bundle, lessonIds) : null))
    .filter((bundle) => bundle !== null);
  const target = cmsLocale(locale);
  if (target === cmsDefaultLocale || bundles.length === 0) return bundles;
  const names = parse(
    bundleNamesSchema,
    await query(BUNDLE_NAMES, { ids: bundles.map((bundle) => bundle.id), locale: target }),
    'lesson bundle'
  ).communityLessonBundles;
  return localizeBundles(bundles, new Map(names.filter((n) => n !== null).map((n) => [n.documentId, n.name])));
}

// ---- Locked lesson content: server to server only, with the API token ----

function tokenHeaders(): Record<string, string> {
  return CMS_API_TOKEN ? { Authorization: `Bearer ${CMS_API_TOKEN}` } : {};
}

/**
 * The paid part of a lesson (body and media) in the page locale, or null when the CMS has no
 * such published lesson. The caller decides who may see it (free preview, or an entitlement checked in
 * commerce) BEFORE calling. Never send the result to a browser that is not entitled.
 */
export async function getLessonContent(lessonDocumentId: string, locale: Locale): Promise<LessonContent | null> {
  // The CMS serves the zh-CN version when the lesson has none in this locale.
  const url = `${CMS_BASE}/api/community/lessons/${encodeURIComponent(lessonDocumentId)}/content?locale=${encodeURIComponent(cmsLocale(locale))}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', ...tokenHeaders() },
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch (error) {
    throw new UpstreamError('cms', 'Lesson content request failed', { cause: error });
  }
  if (response.status === 404) return null;
  if (!response.ok) {
    const hint = response.status === 401 || response.status === 403 ? ' (is CMS_API_TOKEN set and valid?)' : '';
    throw new UpstreamError('cms', `Lesson content request refused${hint}`, { status: response.status });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new UpstreamError('cms', 'Lesson content is not JSON', { cause: error });
  }
  const { data } = parse(lessonContentResponseSchema, body, 'lesson content');
  return {
    id: data.documentId,
    body: data.body ?? null,
    media: data.media ? { url: data.media.url, mime: data.media.mime ?? null, name: data.media.name ?? null } : null,
  };
}

/**
 * Fetches a lesson's media file for the storefront's proxy. The token goes only to the CMS
 * itself: a media URL (or a redirect) to another host, such as a cloud bucket, is fetched
 * without it. `headers` are forwarded (Range, for seeking in video). The caller streams the body.
 */
export async function fetchLessonMedia(mediaUrl: string, headers: Record<string, string>): Promise<Response> {
  const cmsOrigin = new URL(CMS_BASE).origin;
  let target = /^https?:\/\//i.test(mediaUrl) ? new URL(mediaUrl) : new URL(mediaUrl, `${CMS_BASE}/`);
  // A deadline for the response headers only: the body of a video may stream for minutes.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('media headers timed out')), UPSTREAM_TIMEOUT_MS);
  try {
    for (let hop = 0; hop < 4; hop += 1) {
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw new UpstreamError('cms', `Lesson media URL has an unsupported protocol: ${target.protocol}`);
      }
      const sameOrigin = target.origin === cmsOrigin;
      const response = await fetch(target, {
        headers: { ...headers, ...(sameOrigin ? tokenHeaders() : {}) },
        signal: controller.signal,
        redirect: 'manual',
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        target = new URL(location, target);
        continue;
      }
      if (response.status >= 500 || response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new UpstreamError('cms', 'Lesson media request refused', { status: response.status });
      }
      return response;
    }
    throw new UpstreamError('cms', 'Lesson media request redirected too often');
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    throw new UpstreamError('cms', 'Lesson media request failed', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where the storefront server fetches an image embedded in a lesson's body (`file`: its CMS URL
 * or hash); the CMS serves it only if that lesson's body embeds it. Pass to fetchLessonMedia.
 */
export function lessonBodyFileUrl(lessonDocumentId: string, file: string): string {
  return `/api/community/lessons/${encodeURIComponent(lessonDocumentId)}/media?file=${encodeURIComponent(file)}`;
}

/** Origin of public CMS media (covers, avatars, images in descriptions). */
export const cmsMediaBase = CMS_BASE;
