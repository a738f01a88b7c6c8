import { CMS_URL, UPSTREAM_TIMEOUT_MS } from 'astro:env/server';
import { ClientError, GraphQLClient } from 'graphql-request';
import {
  coursesResponseSchema,
  toCourse,
  type Course,
} from '../features/catalog/course-schema';
import { UpstreamError } from './upstream-error';

/** The one client for Strapi's GraphQL API (public, no token: only published content is visible). */
const client = new GraphQLClient(`${CMS_URL.replace(/\/+$/, '')}/graphql`);

// Field names are the CMS contract; keep them in sync with course-schema.ts.
const COURSE_FIELDS = /* GraphQL */ `
  documentId
  title
  slug
  summary
  price_fen
  lessons(sort: "position:asc", pagination: { limit: 200 }) {
    documentId
    title
    position
    free_preview
  }
`;

const LIST_COURSES = /* GraphQL */ `
  query ListCourses {
    communityCourses(sort: "title:asc", pagination: { limit: 100 }) { ${COURSE_FIELDS} }
  }
`;

const COURSE_BY_SLUG = /* GraphQL */ `
  query CourseBySlug($slug: String!) {
    communityCourses(filters: { slug: { eq: $slug } }) { ${COURSE_FIELDS} }
  }
`;

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

function parseCourses(data: unknown): Course[] {
  const parsed = coursesResponseSchema.safeParse(data);
  if (!parsed.success) {
    throw new UpstreamError('cms', 'Response does not match the course contract', {
      cause: parsed.error,
    });
  }
  return parsed.data.communityCourses.map(toCourse).filter((course) => course !== null);
}

/** Published courses, by title. */
export async function listCourses(): Promise<Course[]> {
  return parseCourses(await query(LIST_COURSES));
}

/** The published course with this slug, or null (missing or unpublished). */
export async function getCourseBySlug(slug: string): Promise<Course | null> {
  return parseCourses(await query(COURSE_BY_SLUG, { slug }))[0] ?? null;
}
