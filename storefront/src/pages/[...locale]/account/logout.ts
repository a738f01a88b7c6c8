// POST /account/logout (and /zh-TW/…, /en/…) — signs the member out: clears the session cookie.
// POST only (Astro's origin check guards it), so a link or an image cannot sign anyone out.
import type { APIRoute } from 'astro';
import { localeFromParam } from '../../../i18n/locales';
import { paths } from '../../../paths';

export const POST: APIRoute = ({ params, locals, redirect }) => {
  const locale = localeFromParam(params.locale);
  if (!locale) return new Response('Not found', { status: 404 });
  locals.setCustomerToken(null);
  return redirect(paths.home(locale), 303);
};
