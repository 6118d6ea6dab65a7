import type { Db } from '../client';

/** Ties a reward_issued event to the voucher that carries the reward (made just after the event). */
export function linkRewardEvent(db: Db, eventId: number, voucherId: number): void {
  db.prepare("UPDATE events SET voucher_id = ?, data = json_set(coalesce(data, '{}'), '$.voucherId', ?) WHERE id = ?").run(voucherId, voucherId, eventId);
}
