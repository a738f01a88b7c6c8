import { describe, expect, it } from 'vitest';
import {
  ACTION_BODY_LIMIT_BYTES,
  actionBodyProblem,
  actionProblemResponse,
  checkActionHeaders,
  checkJsonBody,
  isActionRequest,
  readBodyWithLimit,
} from './action-body';

const limit = 100;
const bytes = (text: string) => new TextEncoder().encode(text);

function post(body: BodyInit | null, headers: Record<string, string>): Request {
  // duplex: Node's fetch wants it for stream bodies.
  return new Request('http://shop.test/_actions/login', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

/** A body sent in chunks without Content-Length (Transfer-Encoding: chunked). */
function chunked(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(bytes(part));
      controller.close();
    },
  });
}

describe('isActionRequest', () => {
  it('matches what Astro runs an action for: RPC posts and form posts with ?_action=', () => {
    expect(isActionRequest('POST', new URL('http://shop.test/_actions/login'))).toBe(true);
    expect(isActionRequest('POST', new URL('http://shop.test/account/login?_action=login&next=%2F'))).toBe(true);
    expect(isActionRequest('GET', new URL('http://shop.test/_actions/login'))).toBe(false);
    expect(isActionRequest('POST', new URL('http://shop.test/account/logout'))).toBe(false);
    expect(isActionRequest('POST', new URL('http://shop.test/account/login?_action='))).toBe(false);
  });
});

describe('checkActionHeaders', () => {
  it("leaves forms and body-less posts to Astro's parser", () => {
    expect(checkActionHeaders({ contentType: 'application/x-www-form-urlencoded', contentLength: '20', limit })).toEqual({ kind: 'pass' });
    expect(checkActionHeaders({ contentType: 'multipart/form-data; boundary=x', contentLength: null, limit })).toEqual({ kind: 'pass' });
    expect(checkActionHeaders({ contentType: null, contentLength: null, limit })).toEqual({ kind: 'pass' });
  });

  it('parses JSON first', () => {
    expect(checkActionHeaders({ contentType: 'application/json', contentLength: '5', limit })).toEqual({ kind: 'parse-json' });
    expect(checkActionHeaders({ contentType: 'Application/JSON; charset=utf-8', contentLength: null, limit })).toEqual({ kind: 'parse-json' });
  });

  it('refuses other content types with 415', () => {
    expect(checkActionHeaders({ contentType: 'text/xml', contentLength: '4', limit })).toEqual({
      kind: 'reject',
      problem: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send a form or JSON' },
    });
    expect(checkActionHeaders({ contentType: 'application/json-patch+json', contentLength: '4', limit })).toMatchObject({
      kind: 'reject',
      problem: { status: 415 },
    });
  });

  it('refuses bodies announced larger than the limit with 413, whatever their type', () => {
    for (const contentType of ['application/json', 'application/x-www-form-urlencoded', 'text/plain', null]) {
      expect(checkActionHeaders({ contentType, contentLength: '101', limit })).toEqual({
        kind: 'reject',
        problem: { status: 413, code: 'CONTENT_TOO_LARGE', message: 'Request body exceeds 100 bytes' },
      });
    }
    expect(checkActionHeaders({ contentType: 'application/json', contentLength: '100', limit })).toEqual({ kind: 'parse-json' });
  });

  it('refuses a Content-Length that is not a number with 400', () => {
    expect(checkActionHeaders({ contentType: 'application/json', contentLength: '1e3', limit })).toEqual({
      kind: 'reject',
      problem: { status: 400, code: 'BAD_REQUEST', message: 'Invalid Content-Length' },
    });
  });
});

describe('checkJsonBody', () => {
  it('passes JSON and empty bodies, refuses anything else with 400', () => {
    expect(checkJsonBody(bytes('{"email":"a@b.c"}'))).toBeNull();
    expect(checkJsonBody(bytes('null'))).toBeNull();
    expect(checkJsonBody(new Uint8Array())).toBeNull();
    for (const body of ['{bad', ' ', '{"a":1', "{'a':1}", '\u0000']) {
      expect(checkJsonBody(bytes(body))).toEqual({ status: 400, code: 'BAD_REQUEST', message: 'Malformed JSON body' });
    }
  });
});

describe('readBodyWithLimit', () => {
  it('reads up to the limit, then gives up', async () => {
    expect(new TextDecoder().decode((await readBodyWithLimit(post(chunked('ab', 'cd'), {}), 4))!)).toBe('abcd');
    expect(await readBodyWithLimit(post(chunked('ab', 'cde'), {}), 4)).toBeNull();
    expect(await readBodyWithLimit(new Request('http://shop.test/'), 4)).toEqual(new Uint8Array());
  });
});

describe('actionBodyProblem', () => {
  it('finds malformed JSON and leaves the request readable for Astro', async () => {
    const bad = post('{bad', { 'content-type': 'application/json' });
    expect(await actionBodyProblem(bad)).toEqual({ status: 400, code: 'BAD_REQUEST', message: 'Malformed JSON body' });
    const good = post('{"a":1}', { 'content-type': 'application/json' });
    expect(await actionBodyProblem(good)).toBeNull();
    expect(await good.json()).toEqual({ a: 1 });
  });

  it('counts the bytes of bodies without Content-Length', async () => {
    const big = post(chunked('[', '1,'.repeat(60), '1]'), { 'content-type': 'application/json' });
    expect(await actionBodyProblem(big, limit)).toMatchObject({ status: 413, code: 'CONTENT_TOO_LARGE' });
  });

  it('does not read form bodies', async () => {
    const form = post('email=a%40b.c', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(await actionBodyProblem(form)).toBeNull();
    expect(form.bodyUsed).toBe(false);
  });

  it('defaults to a limit far above our forms and far below Astro’s 1 MiB', () => {
    expect(ACTION_BODY_LIMIT_BYTES).toBe(65536);
  });
});

describe('actionProblemResponse', () => {
  it("is a small JSON error in the shape of Astro's action errors", async () => {
    const response = actionProblemResponse({ status: 400, code: 'BAD_REQUEST', message: 'Malformed JSON body' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ type: 'AstroActionError', code: 'BAD_REQUEST', status: 400, message: 'Malformed JSON body' });
  });
});
