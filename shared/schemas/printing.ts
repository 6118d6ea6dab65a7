import { z } from 'zod';
import { says } from './messages';
import { plainString, requiredName } from './common';
import type { ErrorKey } from '../i18n/keys';

/**
 * The printer bridge's contract: receipt printers (raw TCP, ESC/POS or Star) and printers installed in the OS,
 * and the print queue. Coupons reach receipt printers as a 1-bit raster drawn with the bundled fonts.
 */

/** Paper roll widths in mm. */
export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/** Printable dots across the paper: 384 (58 mm, 203 dpi), 420 (58 mm guide, TM-T88), 512 (80 mm, 180 dpi), 576 (80 mm, 203 dpi). */
export const PRINTER_DOTS = [384, 420, 512, 576] as const;
export type PrinterDots = (typeof PRINTER_DOTS)[number];

/** The dots a paper width gets when the shop does not say: the 203 dpi TM-T20 class. */
export const DEFAULT_DOTS: Record<PaperWidth, PrinterDots> = { 58: 384, 80: 576 };

/** Dots per inch of a printable width: 180 for the TM-T88 series' 512 dots, else 203 (8 dots per mm). */
export const dpiOf = (dots: number): 180 | 203 => (dots === 512 ? 180 : 203);

/** How many mm `dots` dots take on paper, at the resolution of a printer `dotsAcross` wide (576 dots → 72 mm). */
export const printedMm = (dots: number, dotsAcross: number = dots): number => (dots * 25.4) / dpiOf(dotsAcross);

export const PRINTER_LANGUAGES = ['esc-pos', 'star-prnt', 'star-line'] as const;
export type PrinterLanguage = (typeof PRINTER_LANGUAGES)[number];

export const PRINTER_KINDS = ['network', 'system'] as const;
export type PrinterKind = (typeof PRINTER_KINDS)[number];

export const DEFAULT_PRINTER_PORT = 9100;
export const PRINTER_NAME_MAX = 80;
export const MAX_COPIES = 50;

const paperWidth = z.union([z.literal(58), z.literal(80)], says('invalidChoice'));
const dots = z.union([z.literal(384), z.literal(420), z.literal(512), z.literal(576)], says('invalidChoice'));
const printerId = z.number().int().min(1);
const jobId = z.number().int().min(1);

/** A host name or an IPv4/IPv6 address: letters, digits, dots, hyphens, colons; no scheme, no path. */
const hostName = plainString()
  .trim()
  .min(1, says('required'))
  .max(253, says('tooLong'))
  .regex(/^[A-Za-z0-9.:\-[\]]+$/, says('invalidHost'));

export const addPrinterInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('network'),
    name: requiredName(PRINTER_NAME_MAX),
    host: hostName,
    port: z.number().int().min(1, says('invalidPort')).max(65535, says('invalidPort')).default(DEFAULT_PRINTER_PORT),
    paperWidth,
    /** Printable dots; the paper width's default (384 or 576) when absent. */
    dots: dots.optional(),
    language: z.enum(PRINTER_LANGUAGES, says('invalidChoice')).default('esc-pos'),
    isDefault: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('system'),
    name: requiredName(PRINTER_NAME_MAX),
    /** The OS printer's own name (Electron); absent: the browser's print dialog picks one. */
    systemName: plainString().trim().max(200, says('tooLong')).optional(),
    paperWidth,
    dots: dots.optional(),
    isDefault: z.boolean().optional(),
  }),
]);

export const printerRefInput = z.strictObject({ id: printerId });

/** What a printer last reported about itself (DLE EOT for ESC/POS, the ASB for Star). */
export const PRINTER_STATES = ['ready', 'offline', 'coverOpen', 'paperEnd', 'paperNearEnd', 'error', 'unknown', 'unreachable'] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

/** A reason a person reads: a key of the `apiErrors` catalogue area and its values. */
export interface PrintReason {
  key: ErrorKey;
  params: Record<string, string | number>;
}

export interface PrinterStatus {
  state: PrinterState;
  /** Why it cannot print now, when it cannot ("out of paper", "did not answer within 5 s"). */
  reason: PrintReason | null;
  checkedAt: number;
}

export interface Printer {
  id: number;
  kind: PrinterKind;
  name: string;
  /** Network printers. */
  host: string | null;
  port: number | null;
  /** System printers: the OS printer's name, if chosen. */
  systemName: string | null;
  paperWidth: PaperWidth;
  dots: PrinterDots;
  language: PrinterLanguage;
  isDefault: boolean;
  createdAt: number;
  lastSuccessAt: number | null;
  lastError: (PrintReason & { at: number }) | null;
  /** The latest status asked of the printer, if any. */
  status: PrinterStatus | null;
}

/**
 * print.voucher: one voucher, or a batch (all of it, or coupons `from`..`to`, 1-based and inclusive, in the
 * batch's order), to a printer (default: the default printer), 1 to 50 copies of each coupon.
 */
export const printVoucherInput = z
  .strictObject({
    voucherId: z.number().int().min(1).optional(),
    batchId: z.number().int().min(1).optional(),
    from: z.number().int().min(1, says('invalidRange')).optional(),
    to: z.number().int().min(1, says('invalidRange')).optional(),
    printerId: printerId.optional(),
    copies: z.number().int().min(1, says('copiesRange', { max: MAX_COPIES })).max(MAX_COPIES, says('copiesRange', { max: MAX_COPIES })).default(1),
  })
  .refine((r) => (r.voucherId === undefined) !== (r.batchId === undefined), says('voucherOrBatch'))
  .refine((r) => r.batchId !== undefined || (r.from === undefined && r.to === undefined), { ...says('invalidRange'), path: ['from'] })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { ...says('invalidRange'), path: ['to'] });

/**
 * A job's life: queued → printing → done; `waiting` while the printer reports it cannot print (the reason
 * says why) and goes on by itself; `paused` and `cancelled` by a person; `failed` with a reason; `uncertain`
 * when cut off mid-send (a crash, a dropped connection): it may have printed, and only a person decides
 * (print.retry reprints, print.markDone closes it).
 */
export const PRINT_JOB_STATES = ['queued', 'waiting', 'printing', 'paused', 'done', 'failed', 'uncertain', 'cancelled'] as const;
export type PrintJobState = (typeof PRINT_JOB_STATES)[number];

export const PRINT_JOB_KINDS = ['voucher', 'batch', 'test'] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];

export interface PrintJob {
  id: number;
  kind: PrintJobKind;
  printerId: number;
  printerName: string;
  printerKind: PrinterKind;
  status: PrintJobState;
  /** The voucher's (or batch's) title; null for a test page. */
  title: string | null;
  voucherId: number | null;
  batchId: number | null;
  from: number | null;
  to: number | null;
  copies: number;
  /** Coupons to print (copies included) and how many the printer has taken. */
  total: number;
  done: number;
  /** Vouchers of the batch or range left out because they can no longer be redeemed (a `printing.skipped` sentence says so). */
  skipped: number;
  reason: PrintReason | null;
  createdAt: number;
  updatedAt: number;
}

export const printJobsInput = z.strictObject({ status: z.enum(PRINT_JOB_STATES, says('invalidChoice')).optional() });
export const printJobRefInput = z.strictObject({ jobId });

export const printPreviewInput = z.strictObject({ voucherId: z.number().int().min(1), printerId: printerId.optional() });

/** The exact raster a receipt printer gets, as a PNG (one pixel per printer dot). */
export interface PrintPreview {
  mime: 'image/png';
  base64: string;
  /** In dots. */
  width: number;
  height: number;
  paperWidth: PaperWidth;
}

/**
 * The pages of a job for a system printer in the browser host, which prints through the browser's own dialog:
 * one PNG per coupon (copies included), each `dots` wide for a page `paperWidth` mm wide.
 */
export interface PrintPages {
  jobId: number;
  paperWidth: PaperWidth;
  dots: PrinterDots;
  pages: string[];
}

/**
 * print.voucher and printers.test: the stored job. `printInBrowser`: the job is for a system printer and this host
 * cannot reach the OS printers itself (the browser host), so the renderer prints print.pages through the browser's
 * print dialog and then calls print.markDone.
 */
export interface PrintJobCreated {
  jobId: number;
  printInBrowser: boolean;
}
