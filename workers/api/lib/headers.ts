/** Security headers every response carries (API.md "Conventions"). */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
export const API_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";
export const MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";

/** HSTS for a year, subdomains too — sent on https only (browsers ignore it on http, and localhost stays http). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * A copy of the response with the security headers (a copy: redirects and fetched responses
 * have immutable headers). `https`: the request came over TLS, so HSTS is added.
 */
export function withSecurityHeaders(res: Response, csp: string, framable = false, https = false): Response {
  const out = new Response(res.body, res);
  const h = out.headers;
  if (https) h.set('Strict-Transport-Security', HSTS);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', csp);
  if (!framable) h.set('X-Frame-Options', 'SAMEORIGIN');
  h.set('Permissions-Policy', 'camera=(self), geolocation=(), microphone=()');
  return out;
}
