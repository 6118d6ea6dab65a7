import { maskToPlatforms } from '../../shared/domain/platforms';
import type { CardDetails, CardListItem, CardReward } from '../../shared/schemas/cards';
import type { CardListRow } from '../db/repos/card-list.repo';
import type { CardRow, RewardStepRow } from '../db/repos/card-details.repo';

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
