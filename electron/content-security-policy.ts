/**
 * The renderer's Content-Security-Policy, sent by both hosts: scripts and connections only from the
 * app itself, no inline script, no plugins, no framing, images also from data:/blob: (previews).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
