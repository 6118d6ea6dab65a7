import type { z } from 'zod';
import { defineMethod } from './define-method';
import { operationProgressInput, type OperationProgress } from '../schemas/operations';
import { noInput } from '../schemas/common';
import { settingsPatchSchema, type Settings } from '../schemas/settings';
import type { AppInfo, DemoLoaded } from '../schemas/app-info';
import {
  adjustStampsInput,
  cardRefInput,
  cardsHistoryInput,
  cardsSearchInput,
  exportCsvInput,
  importCsvInput,
  sendMessageInput,
  type CardDetails,
  type CardHistoryPage,
  type CardsSearchResult,
  type CsvFile,
  type ImportReport,
  type PublicPage,
  type SentMessage,
  type TemplateSummary,
} from '../schemas/cards';
import {
  codePreviewInput,
  exportVouchersInput,
  imageImportInput,
  issueVoucherInput,
  redeemInput,
  renderVoucherInput,
  voidVoucherInput,
  voucherRefInput,
  vouchersListInput,
  vouchersGroupedInput,
  type CodePreview,
  type ImportedImage,
  type IssueResult,
  type RedeemResult,
  type RenderedFile,
  type VoucherDetails,
  type VoucherListPage,
  type VoucherRowsPage,
  type VoucherSummary,
} from '../schemas/vouchers';
import {
  addPrinterInput,
  printJobRefInput,
  printJobsInput,
  printPreviewInput,
  printVoucherInput,
  printerRefInput,
  type PrintJob,
  type PrintJobCreated,
  type PrintPages,
  type PrintPreview,
  type Printer,
  type PrinterStatus,
} from '../schemas/printing';
import {
  syncConfigureInput,
  syncConflictRefInput,
  syncConflictsInput,
  syncTestInput,
  type SyncConflict,
  type SyncStatus,
  type SyncTestResult,
} from '../schemas/sync';
import { addStampInput, endPauseInput, scanSubmitInput, type ScanResult, type ScanStatus, type StampResult } from '../schemas/scan';

/**
 * THE API contract: every method either host exposes, by `domain.verb` name.
 * The Electron IPC bridge and the browser host both register exactly these.
 */
export const contract = {
  'app.info': defineMethod<AppInfo>()(noInput),
  /** How far a long call named by its operationId is (null: unknown, or long over). */
  'operations.progress': defineMethod<OperationProgress | null>()(operationProgressInput),
  'settings.get': defineMethod<Settings>()(noInput),
  'settings.set': defineMethod<Settings>()(settingsPatchSchema),

  'cards.search': defineMethod<CardsSearchResult>()(cardsSearchInput),
  'cards.get': defineMethod<CardDetails>()(cardRefInput),
  'cards.history': defineMethod<CardHistoryPage>()(cardsHistoryInput),
  'cards.delete': defineMethod<{ id: number; deletedAt: number }>()(cardRefInput),
  'cards.adjustStamps': defineMethod<StampResult>()(adjustStampsInput),
  'cards.sendMessage': defineMethod<SentMessage>()(sendMessageInput),
  'cards.importCsv': defineMethod<ImportReport>()(importCsvInput),
  'cards.exportCsv': defineMethod<CsvFile>()(exportCsvInput),
  'cards.exportHistoryCsv': defineMethod<CsvFile>()(cardRefInput),
  'cards.openPublicPage': defineMethod<PublicPage>()(cardRefInput),
  'templates.list': defineMethod<TemplateSummary[]>()(noInput),
  /** First run: fills an empty shop with demo cards and vouchers; refuses a shop that holds any. */
  'demo.load': defineMethod<DemoLoaded>()(noInput),

  'images.import': defineMethod<ImportedImage>()(imageImportInput),

  'vouchers.issue': defineMethod<IssueResult>()(issueVoucherInput),
  'vouchers.redeem': defineMethod<RedeemResult>()(redeemInput),
  'vouchers.get': defineMethod<VoucherDetails>()(voucherRefInput),
  'vouchers.list': defineMethod<VoucherListPage>()(vouchersListInput),
  'vouchers.listGrouped': defineMethod<VoucherRowsPage>()(vouchersGroupedInput),
  'vouchers.void': defineMethod<VoucherSummary>()(voidVoucherInput),
  'vouchers.exportCsv': defineMethod<CsvFile>()(exportVouchersInput),
  'vouchers.render': defineMethod<RenderedFile>()(renderVoucherInput),
  'vouchers.previewCode': defineMethod<CodePreview>()(codePreviewInput),
  'scan.submit': defineMethod<ScanResult>()(scanSubmitInput),
  'cards.addStamp': defineMethod<StampResult>()(addStampInput),
  'scan.status': defineMethod<ScanStatus>()(noInput),
  /** Ends the scan pause the person confirmed, recorded with the seat and time. */
  'scan.endPause': defineMethod<ScanStatus>()(endPauseInput),

  'printers.list': defineMethod<Printer[]>()(noInput),
  'printers.add': defineMethod<Printer>()(addPrinterInput),
  /** Removes a printer from the list (its finished jobs keep its name); refused while it prints. */
  'printers.remove': defineMethod<{ id: number }>()(printerRefInput),
  'printers.setDefault': defineMethod<Printer>()(printerRefInput),
  /** Queues the printer's test page: shop name, the five scripts, a QR code, a barcode and a ruler. */
  'printers.test': defineMethod<PrintJobCreated>()(printerRefInput),
  /** Asks a network printer for its status now (system printers: unknown). */
  'printers.status': defineMethod<PrinterStatus>()(printerRefInput),
  /** Stores a print job for a voucher or a batch (or a range of it), then the queue prints it. */
  'print.voucher': defineMethod<PrintJobCreated>()(printVoucherInput),
  'print.jobs': defineMethod<PrintJob[]>()(printJobsInput),
  /** Queues a failed, cancelled or paused job again; an uncertain one is reprinted from the coupon cut off. */
  'print.retry': defineMethod<PrintJob>()(printJobRefInput),
  'print.cancel': defineMethod<PrintJob>()(printJobRefInput),
  /** Pauses a job between coupons. */
  'print.pause': defineMethod<PrintJob>()(printJobRefInput),
  'print.resume': defineMethod<PrintJob>()(printJobRefInput),
  /** A person checked the paper (an uncertain job), or the browser's print dialog closed: the job is done. */
  'print.markDone': defineMethod<PrintJob>()(printJobRefInput),
  /** The exact raster a receipt printer would get for this voucher, as a PNG. */
  'print.preview': defineMethod<PrintPreview>()(printPreviewInput),
  /** A browser-host system-printer job's pages, for the browser's print dialog. */
  'print.pages': defineMethod<PrintPages>()(printJobRefInput),

  /** Cloud URL, API key (kept in the keychain, never returned) and on/off. */
  'sync.configure': defineMethod<SyncStatus>()(syncConfigureInput),
  'sync.status': defineMethod<SyncStatus>()(noInput),
  /** Pushes and pulls now; answers the status once that round is over. */
  'sync.now': defineMethod<SyncStatus>()(noInput),
  'sync.conflicts': defineMethod<SyncConflict[]>()(syncConflictsInput),
  /** A person has looked at a conflict (it leaves the count in the status). */
  'sync.markSeen': defineMethod<SyncConflict>()(syncConflictRefInput),
  /** Tries a cloud URL and key without saving them: what is wrong, or the shop's name there. */
  'sync.test': defineMethod<SyncTestResult>()(syncTestInput),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = NonNullable<Contract[K]['output']>['type'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
