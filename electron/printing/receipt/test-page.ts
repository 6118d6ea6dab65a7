import type { SKRSContext2D } from '@napi-rs/canvas';
import { SUPPORTED_LOCALES, isRightToLeft, type Locale } from '../../../shared/domain/locales';
import { formatDateTime, formatNumber } from '../../../shared/i18n/format';
import { translate } from '../../../shared/i18n/translator';
import type { PaperWidth, PrinterDots, PrinterKind, PrinterLanguage } from '../../../shared/schemas/printing';
import { dotsPerMm, type MonoRaster, type PrinterProfile } from '../profile';
import { barcodeBlock, qrBlock } from './draw-receipt';
import { newFlow, space, type Block, type Flow } from './flow';
import { receiptSizes } from './sizes';
import { lineHeight, sansFont } from './text';

/** What a printer's test page shows besides the profile: the shop, the printer as the shop named it, and when. */
export interface TestPageInput {
  locale: Locale;
  timeZone: string;
  printedAt: number;
  shopName: string;
  printer: {
    name: string;
    kind: PrinterKind;
    host: string | null;
    port: number | null;
    systemName: string | null;
    paperWidth: PaperWidth;
    dots: PrinterDots;
    language: PrinterLanguage;
  };
}

/** What the test page's QR code and Code 128 hold (and its text says they should read). */
export const TEST_PAGE_PAYLOAD = 'STAMPDESK-TEST';

const LANGUAGE_NAMES: Record<PrinterLanguage, string> = { 'esc-pos': 'ESC/POS', 'star-prnt': 'StarPRNT', 'star-line': 'Star Line' };

/** Keeps a name or an address in one piece, in its own direction, inside a right-to-left sentence. */
const isolate = (value: string, rtl: boolean) => (rtl ? `\u2068${value}\u2069` : value);

/**
 * A printer's test page, in the shop's language: shop name, the printer's name and settings, a line in each of the
 * five languages (each from its own catalogue, in its own direction), a QR code and a Code 128, and a ruler of the
 * printable width in millimetres, ticks every millimetre, whose two ends show whether the printer cuts anything off.
 */
export function drawTestPage(input: TestPageInput, profile: PrinterProfile): MonoRaster {
  const s = receiptSizes(profile);
  const { locale } = input;
  const rtl = isRightToLeft(locale);
  const dir = rtl ? 'rtl' : 'ltr';
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `printing.testPage.${key}`, params);
  const text = { direction: dir, align: 'start', maxLines: 3 } as const;
  const flow = newFlow(profile.dots, s.margin).add(space(s.gap));
  if (input.shopName) flow.text(input.shopName.toLocaleUpperCase(), s.shop, { weight: 'bold', direction: dir, align: 'center', maxLines: 1 });
  flow.text(t('title'), s.title, { weight: 'bold', direction: dir, align: 'center', maxLines: 1 }).add(space(s.gap / 2));
  const { printer } = input;
  flow.text(t('printer', { name: isolate(printer.name, rtl) }), s.text, { ...text, weight: 'bold' });
  if (printer.kind === 'network') {
    flow.text(t('network', { address: isolate(printer.host ?? '', rtl), port: isolate(String(printer.port ?? ''), rtl) }), s.text, text);
    flow.text(t('language', { language: isolate(LANGUAGE_NAMES[printer.language], rtl) }), s.text, text);
  } else if (printer.systemName) flow.text(t('system', { systemName: isolate(printer.systemName, rtl) }), s.text, text);
  else flow.text(t('systemDialog'), s.text, text);
  flow.text(t('paper', { width: printer.paperWidth, dots: profile.dots, dpi: profile.dpi }), s.text, text);
  flow.text(t('printedAt', { date: formatDateTime(input.printedAt, { locale, timeZone: input.timeZone }) }), s.text, text);
  flow.add(space(s.gap)).text(t('scripts'), s.text, { ...text, weight: 'bold' });
  for (const language of SUPPORTED_LOCALES) {
    flow.text(translate(language, 'printing.testPage.scriptSample'), s.text, { direction: isRightToLeft(language) ? 'rtl' : 'ltr', align: 'start', maxLines: 2 });
  }
  flow.add(space(s.gap)).text(t('codes', { payload: isolate(TEST_PAGE_PAYLOAD, rtl) }), s.small, text).add(space(s.gap / 2));
  flow.add(qrBlock(flow, TEST_PAGE_PAYLOAD, profile), space(s.gap / 2), barcodeBlock(flow, TEST_PAGE_PAYLOAD, profile, s.barcode), space(s.gap));
  const mm = Math.floor(profile.dots / dotsPerMm(profile));
  flow.text(t('ruler', { mm }), s.small, text).add(space(s.gap / 2), rulerBlock(flow, profile, locale, s.small));
  flow.add(space(s.gap)).text(t('end'), s.small, text).add(space(s.gap * 1.5));
  return flow.render();
}

/**
 * The printable width as a ruler: a line across every dot, ticks each millimetre (longer each 5, longest each 10,
 * numbered in the shop's digits), and a full-height bar on the first and last dot.
 */
function rulerBlock(flow: Flow, profile: PrinterProfile, locale: Locale, numberSize: number): Block {
  const dpm = dotsPerMm(profile);
  const tick = Math.round(dpm * 1.5);
  const height = tick * 3 + lineHeight(numberSize);
  return {
    height,
    paint(ctx: SKRSContext2D, top: number) {
      const width = flow.width;
      ctx.fillStyle = '#000000';
      ctx.fillRect(0, top, width, 2);
      ctx.fillRect(0, top, 2, height);
      ctx.fillRect(width - 2, top, 2, height);
      for (let mm = 0; mm * dpm < width; mm++) {
        const x = Math.min(width - 2, Math.round(mm * dpm));
        const long = mm % 10 === 0 ? 3 : mm % 5 === 0 ? 2 : 1;
        ctx.fillRect(x, top, 2, tick * long);
        if (mm % 10 === 0 && mm > 0 && x < width - numberSize * 1.5) {
          ctx.font = sansFont(numberSize);
          ctx.textAlign = 'center';
          ctx.direction = 'ltr';
          ctx.fillText(formatNumber(mm, locale), x, top + tick * 3 + Math.round(numberSize * 1.1));
        }
      }
    },
  };
}
