import type { Locale } from '../../shared/domain/locales';

/**
 * Texts that stay as they are in every language: product and wallet names, the manual's capital labels
 * (its Thai, Korean, azb and Gujarati editions print DETAILED CARD, VIEW HISTORY, SEND MESSAGE, ISSUE COUPON,
 * GENERATE VOUCHER, UNLIMITED / DAYS / MONTHS / FIXED DATE and DELETE in English), and formats without words.
 */
const EVERYWHERE = [
  'app.name',
  'platforms.apple',
  'platforms.google',
  'cards.panel.title',
  'cards.panel.delete',
  'cards.panel.viewHistory',
  'cards.panel.sendMessage',
  'cards.panel.issueCoupon',
  'cards.message.push',
  'issue.generate',
  'issue.validity.unlimited',
  'issue.validity.days',
  'issue.validity.months',
  'issue.validity.fixed',
  'issue.image.formats',
  'settings.cardPageBaseUrlPlaceholder',
  'cards.panel.templateWithVersion',
  'cards.filter.versionName',
  'cards.filter.templateChip',
  // printer command languages: product names
  'printers.language.escPos',
  'printers.language.starPrnt',
  'printers.language.starLine',
];

/** Per language, the keys whose text may equal the English text. */
export const SAME_AS_ENGLISH: Record<Exclude<Locale, 'en'>, Set<string>> = {
  th: new Set([...EVERYWHERE]),
  ko: new Set([...EVERYWHERE]),
  azb: new Set([...EVERYWHERE]),
  gu: new Set([...EVERYWHERE]),
};
