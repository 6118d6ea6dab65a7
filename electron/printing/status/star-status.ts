import type { PrinterState } from '../../../shared/schemas/printing';
import type { PrinterConnection } from '../transport/printer-connection';

/** ESC ACK SOH asks a Star printer for its automatic status (ASB). */
const ASK = Uint8Array.of(0x1b, 0x06, 0x01);

/** The ASB's first byte is `0xx0xxx1`; bits 1–3 and 5 give its length in bytes. */
export const isAsbHeader = (b: number) => (b & 0x91) === 0x01;
export const asbLength = (b: number) => ((b >> 1) & 0x07) + ((b >> 2) & 0x08);

/** Star Line and StarPRNT: one ASB; unknown when the printer does not answer. */
export async function probeStar(conn: PrinterConnection, timeoutMs: number): Promise<PrinterState> {
  conn.drainInbound();
  const asb = await conn.ask(ASK, isAsbHeader, timeoutMs, (first) => Math.max(0, asbLength(first) - 1));
  return asb ? starState(asb) : 'unknown';
}

/** Byte 3: bit 3 offline, bit 5 cover open; byte 4: bit 3 cutter error; byte 6: bit 3 paper empty, bit 2 near end. */
export function starState(asb: Uint8Array): PrinterState {
  const b = (i: number) => asb[i] ?? 0;
  if (b(2) & 0x20) return 'coverOpen';
  if (b(5) & 0x08) return 'paperEnd';
  if (b(3) & 0x08) return 'error';
  if (b(2) & 0x08) return 'offline';
  if (b(5) & 0x04) return 'paperNearEnd';
  return 'ready';
}
