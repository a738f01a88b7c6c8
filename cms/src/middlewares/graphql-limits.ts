import type { Core } from '@strapi/strapi';
import { checkLimits, currentSchema } from '../graphql/limits';

/** Same as koa-bodyparser's default JSON limit, which the GraphQL route would apply next. */
const MAX_BODY_BYTES = 1024 * 1024;

type Refusal = { status: number; errors: { message: string; extensions: { code: string } }[] };

/**
 * The GraphQL route authenticates before Apollo validates, and anonymous authentication reads
 * the public role's permissions from the database. So a document over the limits (src/graphql/
 * limits.ts) is refused here, before routing: no SQL, well under a millisecond of work. Apollo
 * runs the same rules again (config/plugins.ts) for anything this guard does not see.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const endpoint = normalise(strapi.plugin('graphql')?.config('endpoint') ?? '/graphql');
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (normalise(ctx.path) !== endpoint) return next();
    const schema = currentSchema();
    if (!schema) return next();

    let sources: unknown[];
    if (ctx.method === 'GET') {
      sources = [ctx.query?.query];
    } else if (ctx.method === 'POST' && ctx.is('application/json')) {
      // strapi::body leaves the GraphQL endpoint alone; the route's own parser skips a parsed body.
      if (ctx.request.body === undefined) {
        const body = await readJson(ctx.req);
        if ('refusal' in body) return refuse(ctx, body.refusal);
        ctx.request.body = body.value;
      }
      const requests: unknown[] = Array.isArray(ctx.request.body) ? ctx.request.body : [ctx.request.body];
      sources = requests.map((request) => (request as { query?: unknown } | null)?.query);
    } else {
      return next();
    }

    for (const source of sources) {
      if (typeof source !== 'string') continue; // Apollo answers malformed requests itself
      const refused = checkLimits(schema, source);
      if (refused) {
        return refuse(ctx, {
          status: 400,
          // The shape Apollo gives its own parse and validation errors.
          errors: refused.errors.map((error) => ({ ...error.toJSON(), extensions: { ...error.extensions, code: refused.code } })),
        });
      }
    }
    return next();
  };
};

function refuse(ctx: any, { status, errors }: Refusal) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { errors };
}

/** The router matches case-insensitively and ignores a trailing slash: so must the guard. */
function normalise(path: string): string {
  return path.toLowerCase().replace(/\/+$/, '') || '/';
}

async function readJson(stream: AsyncIterable<Buffer>): Promise<{ value: unknown } | { refusal: Refusal }> {
  const badRequest = (status: number, message: string) => ({ refusal: { status, errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] } });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return badRequest(413, `request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) return { value: {} }; // as koa-bodyparser: Apollo then says what is missing
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return badRequest(400, 'POST body is not valid JSON');
  }
}
