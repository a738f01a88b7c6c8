// GET /courses/:slug/lessons/:lessonId/media — a lesson's media file, streamed from the CMS
// after the same access check as the lesson page. The CMS URL and its token never reach the browser.
// GET …/media?file=/uploads/x.png — an image of the lesson's body (paid lessons' are locked in the
// CMS), same check; the CMS answers 404 unless that lesson's body embeds the file.
import type { APIRoute } from 'astro';
import { lessonGate } from '../../../../../features/learning/lesson-gate';
import { fetchLessonMedia, getCourseBySlug, getLessonContent, lessonBodyFileUrl } from '../../../../../lib/cms.server';
import { parseBodyFileParam } from '../../../../../features/learning/body-file-param';
import { defaultLocale } from '../../../../../i18n/locales';
import { getLessonAccess } from '../../../../../lib/commerce.server';
import { isUpstreamError } from '../../../../../lib/upstream-error';

// Types a browser may render inline from our origin. Anything else (HTML, SVG, unknown)
// is sent as a download so it can never run as a page of the storefront.
const INLINE_TYPES = /^(video|audio)\/[\w.+-]+$|^image\/(png|jpe?g|gif|webp|avif)$|^application\/pdf$/i;

// Response headers of the CMS worth passing on (for seeking in video: ranges).
const PASSED_HEADERS = ['content-length', 'content-range', 'accept-ranges', 'last-modified', 'etag'];

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

function filenameHeader(disposition: 'inline' | 'attachment', name: string | null): string {
  if (!name) return disposition;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const GET: APIRoute = async ({ params, request, locals, url }) => {
  const slug = params.slug ?? '';
  const lessonId = params.lessonId ?? '';
  const file = parseBodyFileParam(url.searchParams.getAll('file'));
  if (!file.ok) return plain(400, 'Bad file parameter');
  try {
    // Lesson media are shared by all locales (not localized in the CMS): ask for the default one.
    const course = await getCourseBySlug(slug, defaultLocale);
    const lesson = course?.lessons.find((candidate) => candidate.id === lessonId);
    if (!course || !lesson) return plain(404, 'Not found');

    const token = locals.customerToken;
    const access =
      !lesson.freePreview && token ? await getLessonAccess(token, course.id, lesson.id) : null;
    const gate = lessonGate({ freePreview: lesson.freePreview, access });
    if (gate.kind === 'signed-out') return plain(401, 'Sign in to open this lesson');
    if (gate.kind !== 'open') return plain(403, 'This lesson is locked');

    const forward: Record<string, string> = {};
    for (const name of ['range', 'if-range', 'if-none-match', 'if-modified-since']) {
      const value = request.headers.get(name);
      if (value) forward[name] = value;
    }
    let target: { url: string; mime: string | null; name: string | null };
    if (file.value !== null) {
      // An image of the body: the CMS checks that this lesson's body embeds it.
      target = { url: lessonBodyFileUrl(lesson.id, file.value), mime: null, name: null };
    } else {
      const content = await getLessonContent(lesson.id, defaultLocale);
      if (!content?.media) return plain(404, 'Not found');
      target = content.media;
    }
    const upstream = await fetchLessonMedia(target.url, forward);
    if (upstream.status === 404) {
      await upstream.body?.cancel();
      return plain(404, 'Not found');
    }
    if (![200, 206, 304, 416].includes(upstream.status)) {
      await upstream.body?.cancel();
      console.error(`[lesson media] ${slug}/${lessonId}: the CMS answered ${upstream.status}`);
      return plain(502, 'Bad gateway');
    }

    const headers = new Headers();
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    const type = (target.mime || upstream.headers.get('content-type') || '').split(';')[0]!.trim();
    const inline = INLINE_TYPES.test(type);
    headers.set('Content-Type', inline ? type : 'application/octet-stream');
    headers.set('Content-Disposition', filenameHeader(inline ? 'inline' : 'attachment', target.name));
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Content-Security-Policy', "default-src 'none'; sandbox");
    // Paid files are per member; free previews may be kept by the browser only.
    headers.set('Cache-Control', lesson.freePreview ? 'private, max-age=300' : 'private, no-store');
    if (request.method === 'HEAD') {
      // Players probe with HEAD: answer with the headers only, and stop the CMS sending the file.
      await upstream.body?.cancel();
      return new Response(null, { status: upstream.status, headers });
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    if (!isUpstreamError(error)) throw error;
    console.error(`[lesson media] ${slug}/${lessonId}: ${error.toLogLine()}`);
    return new Response('Service unavailable', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '30', 'Cache-Control': 'no-store' },
    });
  }
};

// Players probe with HEAD: same checks and headers as GET, no body.
export const HEAD: APIRoute = (context) => GET(context);
