import { AppError, type ErrorCode } from '../../shared/api/errors';
import type { ErrorKey } from '../../shared/i18n/keys';
import type { TranslationParams } from '../../shared/i18n/translator';
import type { CouponData } from '../coupons/coupon-layout';
import type { PrinterProfile } from '../printing/profile';
import type { TestPageInput } from '../printing/receipt/test-page';

/**
 * What the host asks of the isolated worker process and what comes back. Everything here is plain data that
 * survives structured cloning (Node's `advanced` IPC serialization, Electron's postMessage): byte arrays arrive
 * as Uint8Array, never as a class instance.
 */

/** A stored picture as the database holds it. */
export interface StoredImage {
  mime: string;
  bytes: Uint8Array;
}

export interface Jobs {
  /** Checks and cleans an uploaded picture (electron/images/process-image.ts). */
  'image.clean': {
    input: { bytes: Uint8Array; fileName?: string };
    output: { id: string; mime: string; width: number; height: number; bytes: Uint8Array };
  };
  /**
   * Draws coupons: one PDF (a single coupon, or a sheet of nine per page) or one PNG (a strip for several).
   * Each distinct picture travels once, named by its id; the answer is the file in base64, encoded in the worker
   * so the host's event loop never spends time on a large file.
   */
  'coupons.draw': {
    input: {
      format: 'pdf' | 'png';
      resourcesDir: string;
      coupons: Array<{ data: CouponData; imageId: string | null }>;
      images: Record<string, StoredImage>;
    };
    output: { base64: string };
  };
  /**
   * Draws receipts for a receipt printer (electron/printing/receipt/): each item a coupon or a printer's test page,
   * as a 1-bit raster exactly `profile.dots` wide, with the bytes the printer gets for it (and a PNG of the raster,
   * one pixel per dot, when `png` is asked: the preview). Pictures travel once, named by id, as for coupons.draw.
   */
  'receipt.draw': {
    input: {
      resourcesDir: string;
      profile: PrinterProfile;
      items: ReceiptItem[];
      images: Record<string, StoredImage>;
      png?: boolean;
    };
    output: { receipts: DrawnReceiptData[] };
  };
}

export type ReceiptItem = { coupon: { data: CouponData; imageId: string | null } } | { testPage: TestPageInput };

export interface DrawnReceiptData {
  width: number;
  height: number;
  /** Rows packed 8 dots to a byte, most significant bit first, 1 = black (a MonoRaster's bits). */
  bits: Uint8Array;
  /** What the printer gets: initialize, the raster, feed and cut. */
  bytes: Uint8Array;
  png?: Uint8Array;
}

export type JobKind = keyof Jobs;

/** The bytes of a structured-cloned Uint8Array as a Buffer, without a copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export type HostMessage = { type: 'job'; id: number; kind: JobKind; input: unknown };

export type WorkerMessage =
  /** The worker listens for jobs (sent once, after it starts). */
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: SerializedError };

/** An error thrown in the worker: an AppError keeps its code, key, field and values; anything else its text. */
export type SerializedError =
  | { app: true; code: ErrorCode; key: ErrorKey; field?: string; params: TranslationParams }
  | { app: false; message: string };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) {
    return { app: true, code: error.code, key: error.key, params: error.params, ...(error.field ? { field: error.field } : {}) };
  }
  return { app: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

export function deserializeError(error: SerializedError): Error {
  if (error.app) return new AppError(error.code, error.key, { params: error.params, ...(error.field ? { field: error.field } : {}) });
  return new Error(`The worker process failed: ${error.message}`);
}

/**
 * How long a job may take before the worker is stopped: it only has to catch a job that will never end, so the
 * limits are generous. A picture: two minutes (a 40-megapixel HEIC decodes in seconds). Coupons: a minute plus
 * 50 ms each; a 10,000-voucher sheet takes about 50 s of CPU on our 2-core build machine, the limit nine minutes.
 */
export function timeLimitMs(kind: JobKind, input: unknown): number {
  if (kind === 'coupons.draw') return 60_000 + 50 * (input as Jobs['coupons.draw']['input']).coupons.length;
  // a receipt draws and encodes in well under 100 ms; the queue asks for one or a few at a time
  if (kind === 'receipt.draw') return 30_000 + 500 * (input as Jobs['receipt.draw']['input']).items.length;
  return 120_000;
}

/** How a lost or stuck job is reported, by kind: the translated sentence, and the field it concerns. */
export const FAILURES: Record<JobKind, { stopped: ErrorKey; timedOut: ErrorKey; field?: string }> = {
  'image.clean': { stopped: 'worker.imageStopped', timedOut: 'worker.imageTimedOut', field: 'base64' },
  'coupons.draw': { stopped: 'worker.drawingStopped', timedOut: 'worker.drawingTimedOut' },
  'receipt.draw': { stopped: 'worker.drawingStopped', timedOut: 'worker.drawingTimedOut' },
};
