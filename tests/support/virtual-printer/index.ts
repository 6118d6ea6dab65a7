/**
 * The virtual receipt printer: a raw TCP (port 9100 style) ESC/POS and Star printer on 127.0.0.1 for tests and for
 * shops without hardware (npm run virtual-printer). Its parser is written from the command references, not from the
 * encoder the app uses, so the two check each other.
 */
export { startVirtualPrinter, DEFAULT_DROP_AFTER, DEFAULT_STALL_AFTER } from './printer';
export { HOLD_LIMIT } from './connection';
export type { PaperState, PrintedJob, PrintedPage, VirtualFault, VirtualPrinter, VirtualPrinterOptions } from './types';
