import { maskToPlatforms } from '../../shared/domain/platforms';
import type { CardDetails, CardEvent, CardListItem, CardReward, EventVoucher } from '../../shared/schemas/cards';
import type { CardListRow } from '../db/repos/card-list.repo';
import type { CardRow, EventRow, RewardStepRow } from '../db/repos/card-details.repo';

/** Database rows -> API shapes. */
export function toListItem(row: Omit<CardListRow, 'key'> | CardRow): CardListItem {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    stamps: row.stamps,
    goal: row.goal,
    platforms: maskToPlatforms(row.platforms),
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    createdAt: row.createdAt,
    lastStampAt: row.lastStampAt,
  };
}

export function toReward(step: RewardStepRow | undefined, stamps: number): CardReward | null {
  if (!step) return null;
  return {
    stamps: step.stamps,
    title: step.title,
    image: step.mime && step.bytes ? `data:${step.mime};base64,${step.bytes.toString('base64')}` : null,
    reached: stamps >= step.stamps,
  };
}

export function toDetails(row: CardRow, reward: CardReward | null, publicPageUrl: string | null): CardDetails {
  return {
    ...toListItem(row),
    token: row.token,
    templateName: row.templateName,
    deletedAt: row.deletedAt,
    reward,
    publicPageUrl,
  };
}

export function toCardEvent(row: EventRow): CardEvent {
  const data = parseEventData(row.data);
  return { id: row.id, type: row.type, seat: row.seat, at: row.at, data, voucher: eventVoucher(row, data) };
}

/**
 * The voucher of a voucher event, read from the voucher itself; from the event's own details only when the
 * voucher row is missing (an event that came without it).
 */
function eventVoucher(row: EventRow, data: Record<string, unknown> | null): EventVoucher | null {
  if (row.voucherId === null) return null;
  if (row.voucherTitle !== null) return { id: row.voucherId, title: row.voucherTitle, code: row.voucherCode };
  const title = typeof data?.title === 'string' ? data.title : '';
  return { id: row.voucherId, title, code: typeof data?.code === 'string' ? data.code : null };
}

function parseEventData(data: string | null): Record<string, unknown> | null {
  if (!data) return null;
  try {
    const value = JSON.parse(data) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
