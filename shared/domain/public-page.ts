/** An https address with no credentials: the only kind a card page may be opened through. */
export function isSafeBaseUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname.length > 0;
}

/**
 * The public page of card `cardId` under the configured base address, or null when no (safe) base is
 * set. The result is checked to stay under the base, so nothing else can ever be opened this way.
 */
export function publicPageUrl(base: string, cardId: number): string | null {
  if (!base || !isSafeBaseUrl(base)) return null;
  const url = new URL(`${base}${base.endsWith('/') ? '' : '/'}${encodeURIComponent(String(cardId))}`);
  return url.href.startsWith(new URL(base).href.replace(/\/?$/, '/')) ? url.href : null;
}
