import type { PrinterState } from '../../../shared/schemas/printing';
import type { PrinterConnection } from '../transport/printer-connection';

/** A DLE EOT reply is `0xx1xx10`: found by its pattern in the inbound bytes, never taken as "the next byte". */
export const isDleEotReply = (b: number) => (b & 0x93) === 0x12;

const dleEot = (n: number) => Uint8Array.of(0x10, 0x04, n);

/**
 * Asks an ESC/POS printer DLE EOT 1 (printer), 2 (offline cause) and 4 (roll sensor), one by one; real-time
 * commands, answered at once even while offline. A printer that does not answer the first is `unknown`.
 */
export async function probeEscPos(conn: PrinterConnection, timeoutMs: number, options: { drain?: boolean } = {}): Promise<PrinterState> {
  // stale bytes go before a probe; not while another reply (a coupon's confirmation) is still owed
  if (options.drain !== false) conn.drainInbound();
  const printer = await conn.ask(dleEot(1), isDleEotReply, timeoutMs);
  if (!printer) return 'unknown';
  const cause = await conn.ask(dleEot(2), isDleEotReply, timeoutMs);
  const roll = await conn.ask(dleEot(4), isDleEotReply, timeoutMs);
  return escPosState(printer[0]!, cause?.[0] ?? 0x12, roll?.[0] ?? 0x12);
}

/** The three replies as one state: cover open, paper end and error before a plain offline; near end still prints. */
export function escPosState(printer: number, cause: number, roll: number): PrinterState {
  if (cause & 0x04) return 'coverOpen';
  if (cause & 0x20 || (roll & 0x60) === 0x60) return 'paperEnd';
  if (cause & 0x40) return 'error';
  if (printer & 0x08) return 'offline';
  if ((roll & 0x0c) === 0x0c) return 'paperNearEnd';
  return 'ready';
}

/**
 * GS r 1 (paper sensor status), answered in order after the data before it: the mark that a coupon has reached
 * the printer. Its reply is `0xx0xxxx`, told apart from a DLE EOT reply by bit 4.
 */
export const CONFIRM = Uint8Array.of(0x1d, 0x72, 0x01);
export const isConfirmReply = (b: number) => (b & 0x90) === 0;
