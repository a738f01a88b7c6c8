export interface RequestTransport {
  /** The protocol of the URL Astro built for the request ("https:"/"http:"). */
  protocol: string;
  /** The raw X-Forwarded-Proto request header, if any. */
  forwardedProto: string | null;
  /** TRUST_PROXY: the storefront sits behind a reverse proxy that sets X-Forwarded-Proto. */
  trustProxy: boolean;
}

/**
 * Whether the browser reached the storefront over HTTPS: decides the Secure cookie flag and
 * HSTS.
 *
 * Astro builds the request URL from X-Forwarded-Proto whenever that header is present, trusted
 * or not, so the URL alone cannot tell. Behind a proxy we trust (TRUST_PROXY) the header's
 * first value is the protocol the browser used (the proxy must overwrite, not append). Without
 * one, anybody can send the header: then the URL only reflects the real connection when the
 * header is absent, and a request carrying it counts as plain HTTP (at worst the client that
 * forged it gets a cookie without Secure for itself).
 */
export function servedOverHttps({ protocol, forwardedProto, trustProxy }: RequestTransport): boolean {
  const forwarded = forwardedProto?.split(',')[0]?.trim().toLowerCase() || null;
  if (trustProxy && forwarded) return forwarded === 'https';
  if (forwarded) return false;
  return protocol === 'https:';
}
