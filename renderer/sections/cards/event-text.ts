import type { TFunction } from 'i18next';
import type { CardEvent } from '../../../shared/schemas/cards';

/** One line describing an event of the card's history, in the admin's language. */
export function describeEvent(event: CardEvent, t: TFunction): string {
  const d = event.data ?? {};
  const num = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : 0);
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  switch (event.type) {
    case 'stamp_added': {
      const count = num('count');
      const params = { count: Math.abs(count), stamps: num('stamps') };
      const reason = str('reason');
      if (!reason) return count >= 0 ? t('events.stampAdded', params) : t('events.stampRemoved', params);
      const shownReason = reason === 'scan' || reason === 'import' ? t(`events.reasons.${reason}`) : reason;
      return count >= 0 ? t('events.stampAddedWithReason', { ...params, reason: shownReason }) : t('events.stampRemovedWithReason', { ...params, reason: shownReason });
    }
    case 'card_saved':
      return t(`events.cardSaved.${['apple', 'google'].includes(str('platform')) ? str('platform') : 'web'}`);
    case 'goal_reached':
      return t('events.goalReached', { goal: num('goal') });
    case 'reward_issued':
      return t('events.rewardIssued', { title: str('title') });
    case 'message_sent': {
      const channels = Array.isArray(d.channels) ? (d.channels as string[]) : [];
      const via = channels.includes('push') && channels.includes('email') ? 'both' : channels.includes('email') ? 'email' : 'push';
      return t(`events.messageSent.${via}`, { text: str('push') || str('subject') });
    }
    case 'card_issued':
      return str('source') === 'import' ? t('events.cardImported') : t('events.cardIssued');
    default:
      return t(`events.types.${event.type}`);
  }
}
