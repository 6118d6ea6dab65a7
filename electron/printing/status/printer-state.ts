import type { PrinterState, PrinterStatus, PrintReason } from '../../../shared/schemas/printing';

/** The states in which a printer takes no paper work: a job waits, with the reason shown, and goes on by itself. */
export const BLOCKING_STATES: ReadonlySet<PrinterState> = new Set(['offline', 'coverOpen', 'paperEnd', 'error']);

const REASONS: Partial<Record<PrinterState, PrintReason>> = {
  paperEnd: { key: 'printing.paperEnd', params: {} },
  coverOpen: { key: 'printing.coverOpen', params: {} },
  offline: { key: 'printing.offline', params: {} },
  error: { key: 'printing.printerError', params: {} },
};

export function statusOf(state: PrinterState, checkedAt: number, reason?: PrintReason): PrinterStatus {
  return { state, reason: reason ?? REASONS[state] ?? null, checkedAt };
}
