import type { IssuedReward } from '../../shared/schemas/scan';
import { VOUCHER_TITLE_MAX } from '../../shared/schemas/vouchers';
import { translate } from '../../shared/i18n/translator';
import type { Db } from '../db/client';
import type { CardRow } from '../db/repos/card-details.repo';
import { addWireEvent, newUid } from '../db/repos/events.repo';
import { voucherIssuedEntry } from '../db/repos/sync-wire.repo';
import type { WireEvent, WireOperation } from '../../shared/schemas/sync-protocol';
import { linkRewardEvent } from '../db/repos/rewards.repo';
import { listRewardSteps, type RewardStepDef } from '../db/repos/templates.repo';
import { insertVouchers, type NewVoucher } from '../db/repos/vouchers.repo';
import { getSettings } from '../settings/settings-service';
import { newVoucherTokens } from '../vouchers/tokens';

/** One reward step a stamp change passed: a milestone, or the goal (which ends the round). */
export interface Crossing {
  /** The step's place in the round (1…goal). */
  stamps: number;
  goal: boolean;
  /** A goal a card reached before rewards were issued (it was left full): its reward is owed, not newly reached. */
  owed: boolean;
}

/**
 * The reward cycle, as a pure plan. Stamps count in rounds of `goal`: every time the count passes a reward
 * step (a milestone, or the goal) that step's reward is issued, and reaching the goal starts the next round
 * with the stamps left over (9 stamps on an 8-stamp card: the reward and 1 stamp). An adjustment that passes
 * several rounds issues one goal reward per round and every milestone on the way. A card left full by an
 * earlier version (stamps = goal, reward never issued) gets that reward with its next added stamp. Removing
 * stamps never issues anything.
 */
export function planStamps(before: number, delta: number, goal: number, milestones: ReadonlySet<number>): { stamps: number; crossings: Crossing[] } {
  const total = before + delta;
  if (delta <= 0) return { stamps: total, crossings: [] };
  const crossings: Crossing[] = [];
  for (let i = 0; i < Math.floor(before / goal); i++) crossings.push({ stamps: goal, goal: true, owed: true });
  for (let position = before + 1; position <= total; position++) {
    const place = ((position - 1) % goal) + 1;
    if (place === goal) crossings.push({ stamps: goal, goal: true, owed: false });
    else if (milestones.has(place)) crossings.push({ stamps: place, goal: false, owed: false });
  }
  return { stamps: total % goal, crossings };
}

/** The plan for this card, with its template version's reward steps. */
export function planCardStamps(db: Db, card: CardRow, delta: number): { stamps: number; crossings: Crossing[] } {
  const steps = delta > 0 ? listRewardSteps(db, card.templateId, card.templateVersion) : [];
  const milestones = new Set(steps.filter((s) => s.stamps > 0 && s.stamps < card.goal).map((s) => s.stamps));
  return planStamps(card.stamps, delta, card.goal, milestones);
}

/** What issuing rewards wrote: the rewards, the card's events for its `card.stamps` entry, one `voucher.issued` entry per reward. */
export interface IssuedRewards {
  issued: IssuedReward[];
  cardEvents: WireEvent[];
  voucherEntries: Array<{ operation: WireOperation; events: WireEvent[] }>;
}

/**
 * Issues the rewards of the crossings as vouchers to the card, inside the caller's transaction (the same one as
 * the stamps: nothing is lost on a crash). Each gets goal_reached (for a newly reached goal), reward_issued and
 * voucher_issued in the card's history, with the step's title and image. The caller queues the entries for the
 * cloud: goal_reached and reward_issued travel with the card's `card.stamps` entry, each voucher in its own
 * `voucher.issued` entry. The vouchers have no expiry and no redeem code: the wallet shows their QR.
 */
export function issueRewards(db: Db, card: CardRow, crossings: readonly Crossing[], seat: string, at: number): IssuedRewards {
  const result: IssuedRewards = { issued: [], cardEvents: [], voucherEntries: [] };
  if (crossings.length === 0) return result;
  const steps = new Map(listRewardSteps(db, card.templateId, card.templateVersion).map((s) => [s.stamps, s]));
  const tokens = newVoucherTokens(crossings.length);
  const cardRefs = { cardToken: card.token, voucherToken: null };
  for (const [i, crossing] of crossings.entries()) {
    const step = steps.get(crossing.stamps) ?? fallbackStep(db, card);
    if (crossing.goal && !crossing.owed) {
      result.cardEvents.push(addWireEvent(db, { cardId: card.id, type: 'goal_reached', seat, at, data: { goal: card.goal } }, cardRefs).event);
    }
    const rewardEvent = addWireEvent(db, { cardId: card.id, type: 'reward_issued', seat, at, data: { title: step.title, stamps: crossing.stamps } }, cardRefs);
    result.cardEvents.push({ ...rewardEvent.event, voucherToken: tokens[i]! });
    const voucher: NewVoucher = {
      token: tokens[i]!,
      batchId: null,
      cardId: card.id,
      title: step.title,
      description: null,
      imageId: step.imageId,
      codeKind: null,
      redeemCode: null,
      source: 'reward',
      issuedAt: at,
      expiresAt: null,
      eventUid: newUid(),
    };
    const [voucherId] = insertVouchers(db, [voucher], seat);
    linkRewardEvent(db, rewardEvent.id, voucherId!);
    result.voucherEntries.push(voucherIssuedEntry(voucher, card.token, null, seat));
    result.issued.push({ voucherId: voucherId!, token: tokens[i]!, title: step.title, stamps: crossing.stamps });
  }
  return result;
}

/** A template that names no reward at its goal (an imported one): the reward is named after the stamp card. */
function fallbackStep(db: Db, card: CardRow): RewardStepDef {
  const title = translate(getSettings(db).locale, 'scan.reward.fallbackTitle', { template: card.templateName });
  return { stamps: card.goal, title: [...title].slice(0, VOUCHER_TITLE_MAX).join(''), imageId: null };
}
