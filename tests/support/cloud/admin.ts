import type http from 'node:http';
import { z } from 'zod';
import { HttpError, readJson, sendJson } from './http';
import type { Cloud } from './index';

/**
 * Admin routes for tests and demos, guarded by the admin token printed at start (`Authorization: Bearer <token>`):
 *   POST   /admin/shops                   { name? }                      → { shopId, apiKey }
 *   POST   /admin/simulate/card-saved     { apiKey, name, email?, phone? } → WireCard
 *   POST   /admin/simulate/stamp          { apiKey, cardToken, delta? }  → {}
 *   POST   /admin/simulate/push-delivered { apiKey, messageUid }         → {}
 *   POST   /admin/snapshot                { apiKey }                     → { cards, vouchers, events }
 *   POST   /admin/messages                { apiKey }                     → messages
 *   PUT    /admin/faults                  CloudFaults (merged)           → the faults now on
 *   DELETE /admin/faults                                                 → {}
 */
const apiKey = z.string().min(1).max(500);
const bodies = {
  shops: z.object({ name: z.string().min(1).max(200).optional() }),
  cardSaved: z.object({ apiKey, name: z.string().min(1).max(200), email: z.string().max(320).nullable().optional(), phone: z.string().max(64).nullable().optional() }),
  stamp: z.object({ apiKey, cardToken: z.string().min(1).max(200), delta: z.number().int().optional() }),
  pushDelivered: z.object({ apiKey, messageUid: z.string().min(1).max(200) }),
  snapshot: z.object({ apiKey }),
  faults: z.strictObject({
    errorRate: z.number().min(0).max(1).optional(),
    status: z.number().int().min(400).max(599).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    dropReplyAfterCommit: z.boolean().optional(),
    duplicateDeliveries: z.boolean().optional(),
    reorderPulls: z.boolean().optional(),
    failNextPushMidway: z.boolean().optional(),
  }),
};

async function body<T>(req: http.IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) throw new HttpError(400, 'badBody', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export async function handleAdmin(cloud: Cloud, adminToken: string, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  if (req.headers.authorization !== `Bearer ${adminToken}`) throw new HttpError(401, 'unauthorized', 'wrong admin token');
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'POST /admin/shops':
      return sendJson(res, 200, await cloud.createShop((await body(req, bodies.shops)).name));
    case 'POST /admin/simulate/card-saved': {
      const { apiKey: key, ...person } = await body(req, bodies.cardSaved);
      return sendJson(res, 200, await cloud.simulate.cardSaved(key, person));
    }
    case 'POST /admin/simulate/stamp': {
      const b = await body(req, bodies.stamp);
      await cloud.simulate.stampInWallet(b.apiKey, b.cardToken, b.delta);
      return sendJson(res, 200, {});
    }
    case 'POST /admin/simulate/push-delivered': {
      const b = await body(req, bodies.pushDelivered);
      await cloud.simulate.pushDelivered(b.apiKey, b.messageUid);
      return sendJson(res, 200, {});
    }
    case 'POST /admin/snapshot':
      return sendJson(res, 200, await cloud.snapshot((await body(req, bodies.snapshot)).apiKey));
    case 'POST /admin/messages':
      return sendJson(res, 200, await cloud.messages((await body(req, bodies.snapshot)).apiKey));
    case 'PUT /admin/faults':
      cloud.faults.set(await body(req, bodies.faults));
      return sendJson(res, 200, cloud.faults.current());
    case 'DELETE /admin/faults':
      cloud.faults.clear();
      return sendJson(res, 200, {});
    default:
      throw new HttpError(404, 'notFound', `no route ${route}`);
  }
}
