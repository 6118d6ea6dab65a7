/**
 * The card event vocabulary: the cloud service's webhook names, so an export maps one to one.
 * Removing stamps is a stamp_added event with a negative count.
 */
export const EVENT_TYPES = [
  'card_issued',
  'card_saved',
  'stamp_added',
  'goal_reached',
  'reward_issued',
  'voucher_issued',
  'voucher_redeemed',
  'voucher_expired',
  'voucher_voided',
  'lottery_played',
  'birthday_reached',
  'campaign_sent',
  'message_sent',
  'card_deleted',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
