import type { SyncReason } from '../../shared/schemas/sync';
import { reasonOf } from './sync-failure';

export type CloudUrlCheck = { ok: true; base: string; host: string } | { ok: false; reason: SyncReason };

const LOOPBACK = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The cloud's address: https for every host, plain http only for this computer (127.0.0.1, localhost, [::1]),
 * where the reference cloud runs. No user:password part, no query. `base` has no trailing slash: `/v1/…` is
 * appended to it.
 */
export function checkCloudUrl(raw: string): CloudUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: reasonOf('sync.badUrl') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: reasonOf('sync.badUrl') };
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return { ok: false, reason: reasonOf('sync.badUrl') };
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) return { ok: false, reason: reasonOf('sync.insecureUrl') };
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { ok: true, base, host: url.host };
}
