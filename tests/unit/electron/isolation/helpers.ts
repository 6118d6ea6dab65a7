import crypto from 'node:crypto';
import type { Core } from '../../../../electron/core/create-core';
import { insertImage } from '../../../../electron/db/repos/images.repo';

/** Stores a picture as an older Stampdesk did: straight into the images table, past today's checks. */
export function storeAsOlderVersion(core: Core, svg: string): string {
  const bytes = Buffer.from(svg, 'utf8');
  const id = crypto.createHash('sha256').update(bytes).digest('hex');
  insertImage(core.db, { id, mime: 'image/svg+xml', width: 300, height: 150, bytes, createdAt: Date.now() });
  return id;
}

export async function issue(core: Core, title: string, imageId?: string): Promise<number> {
  const issued = await core.call('vouchers.issue', { title, redeemCode: { kind: 'generated' }, validity: { kind: 'unlimited' }, ...(imageId ? { imageId } : {}) });
  if (!issued.ok) throw new Error(issued.error.message);
  return (issued.value as { vouchers: Array<{ id: number }> }).vouchers[0]!.id;
}
