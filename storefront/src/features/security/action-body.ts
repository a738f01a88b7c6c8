/**
 * Guards the bodies posted to Astro actions (`POST /_actions/<name>` and form posts to a page
 * with `?_action=<name>`) before Astro parses them. Astro 5.18 answers 413 and 415 itself, but
 * a malformed JSON body throws a SyntaxError out of its parser: a 500 with the error page.
 */

/**
 * Bytes an action body may have. Our forms (sign-in, checkout) post a few hundred bytes;
 * astro.config.mjs gives Astro the same limit (security.actionBodySizeLimit; its default is 1 MiB).
 */
export const ACTION_BODY_LIMIT_BYTES = 64 * 1024;

// The content types Astro's action parser reads.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const JSON_TYPE = 'application/json';

export interface ActionBodyProblem {
  status: 400 | 413 | 415;
  /** Astro's ActionError code for that status. */
  code: 'BAD_REQUEST' | 'CONTENT_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';
  message: string;
}

/** What to do with an action request, from its headers alone. */
export type ActionBodyCheck = { kind: 'pass' } | { kind: 'parse-json' } | { kind: 'reject'; problem: ActionBodyProblem };

const tooLarge = (limit: number): ActionBodyProblem => ({
  status: 413,
  code: 'CONTENT_TOO_LARGE',
  message: `Request body exceeds ${limit} bytes`,
});

const malformedJson: ActionBodyProblem = { status: 400, code: 'BAD_REQUEST', message: 'Malformed JSON body' };

/** Whether Astro will run an action for this request (the same test as Astro's getCallerInfo). */
export function isActionRequest(method: string, url: URL): boolean {
  if (method.toUpperCase() !== 'POST') return false;
  return url.pathname.startsWith('/_actions/') || Boolean(url.searchParams.get('_action'));
}

/**
 * The verdict on an action request's headers: form bodies (and no body at all) are Astro's to
 * parse, JSON must be parsed first, anything else is refused.
 */
export function checkActionHeaders(headers: {
  contentType: string | null;
  contentLength: string | null;
  limit: number;
}): ActionBodyCheck {
  const { contentType, contentLength, limit } = headers;
  if (contentLength !== null) {
    if (!/^\d+$/.test(contentLength.trim())) {
      return { kind: 'reject', problem: { status: 400, code: 'BAD_REQUEST', message: 'Invalid Content-Length' } };
    }
    if (Number(contentLength) > limit) return { kind: 'reject', problem: tooLarge(limit) };
  }
  // No body: Astro hands the action no input and a form action answers 415 itself.
  if (contentType === null) return { kind: 'pass' };
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (FORM_TYPES.includes(type)) return { kind: 'pass' };
  if (type === JSON_TYPE) return { kind: 'parse-json' };
  return {
    kind: 'reject',
    problem: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send a form or JSON' },
  };
}

/** A JSON body's verdict: empty (Astro reads it as no input) or parseable passes. */
export function checkJsonBody(body: Uint8Array): ActionBodyProblem | null {
  if (body.byteLength === 0) return null;
  try {
    // Decoded like Astro does (request.json(): UTF-8, replacement characters allowed).
    JSON.parse(new TextDecoder().decode(body));
    return null;
  } catch {
    return malformedJson;
  }
}

/** A request's body, or null once it goes past `limit` bytes (the rest is never read). */
export async function readBodyWithLimit(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      // Not awaited: cancelling one branch of a cloned (tee'd) body only settles once the
      // other branch, the request Astro holds, is cancelled too.
      void reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Why this action request must be refused before Astro sees it, or null. Reads a clone of a
 * JSON body (the original stays unread for Astro).
 */
export async function actionBodyProblem(request: Request, limit = ACTION_BODY_LIMIT_BYTES): Promise<ActionBodyProblem | null> {
  const check = checkActionHeaders({
    contentType: request.headers.get('content-type'),
    contentLength: request.headers.get('content-length'),
    limit,
  });
  if (check.kind === 'pass') return null;
  if (check.kind === 'reject') return check.problem;
  const body = await readBodyWithLimit(request.clone(), limit);
  return body === null ? tooLarge(limit) : checkJsonBody(body);
}

/**
 * The error response, shaped like Astro's own action errors so `actions.x()` on the client
 * reads it as an ActionError with this code.
 */
export function actionProblemResponse(problem: ActionBodyProblem): Response {
  return new Response(
    JSON.stringify({ type: 'AstroActionError', code: problem.code, status: problem.status, message: problem.message }),
    { status: problem.status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } },
  );
}
