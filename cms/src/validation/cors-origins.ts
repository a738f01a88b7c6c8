/** The storefront's origin under `npm start`. */
export const STOREFRONT_DEV_ORIGIN = 'http://localhost:4321';

/**
 * The origins browsers may call Strapi from with credentials (cookies: the admin's refresh
 * session on /admin/access-token). `CMS_CORS_ORIGINS` is a comma-separated list of origins
 * (scheme://host[:port]); unset, it is the admin's own URL and the storefront's dev origin.
 * A wildcard is refused: with credentials, Strapi answers `*` by echoing any Origin.
 */
export function corsOrigins(value: string | undefined, adminUrl: string): string[] {
  if (!value?.trim()) return [...new Set([new URL(adminUrl).origin, STOREFRONT_DEV_ORIGIN])];
  return [...new Set(value.split(',').map((text) => text.trim()).filter(Boolean).map(origin))];
}

function origin(text: string): string {
  if (text.includes('*')) throw new Error(`CMS_CORS_ORIGINS: "${text}" is a wildcard; list each origin`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`CMS_CORS_ORIGINS: "${text}" is not an origin such as https://shop.example.com`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Error(`CMS_CORS_ORIGINS: "${text}" is not an origin such as https://shop.example.com (no path)`);
  }
  return url.origin;
}
