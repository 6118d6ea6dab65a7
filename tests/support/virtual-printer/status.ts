import type { PaperState } from './types';

/**
 * What the printer knows of itself, and the bytes it answers status requests with (Epson ESC/POS and Star ASB; see
 * shared/research/printing-anchors.md §2). Offline = paper out or cover open: then it prints nothing.
 */
export class PrinterState {
  paper: PaperState = 'ok';
  coverOpen = false;

  get offline(): boolean {
    return this.paper === 'out' || this.coverOpen;
  }

  /** DLE EOT n (n 1–4): one byte, valid pattern (b & 0x93) == 0x12; null for another n (no answer). */
  dleEot(n: number): number | null {
    const out = this.paper === 'out';
    switch (n) {
      case 1: // printer status: bit 3 offline
        return 0x12 | (this.offline ? 0x08 : 0);
      case 2: // offline cause: bit 2 cover open, bit 5 stopped by paper end
        return 0x12 | (this.coverOpen ? 0x04 : 0) | (out ? 0x20 : 0);
      case 3: // error cause: none modelled
        return 0x12;
      case 4: // roll paper sensor: bits 2+3 near end, bits 5+6 paper end (0x7E out, as Epson's TM-T88III manual)
        return 0x12 | (this.paper === 'near-end' || out ? 0x0c : 0) | (out ? 0x60 : 0);
      default:
        return null;
    }
  }

  /** GS r 1 paper sensor (0xx0xxxx): bits 0+1 near end, bits 2+3 paper end; GS r 2 drawer: 0. */
  gsR(n: number): number | null {
    if (n === 1 || n === 49) return (this.paper === 'near-end' || this.paper === 'out' ? 0x03 : 0) | (this.paper === 'out' ? 0x0c : 0);
    if (n === 2 || n === 50) return 0x00;
    return null;
  }

  /** ESC/POS automatic status back (GS a): 4 bytes, first 0xx1xx00 (bit 3 offline, bit 5 cover open), third paper. */
  escPosAsb(): Buffer {
    const first = 0x10 | (this.offline ? 0x08 : 0) | (this.coverOpen ? 0x20 : 0);
    const paper = (this.paper === 'near-end' ? 0x03 : 0) | (this.paper === 'out' ? 0x0f : 0);
    return Buffer.from([first, 0x00, paper, 0x00]);
  }

  /**
   * Star automatic status (answer to ESC ACK SOH), 9 bytes: header 1 = 0x23 (bits 1–3 and 5 hold the length 9,
   * bit 0 set), header 2 = version (bits 1–3: 3 Star Line, 4 StarPRNT), status 1 bit 3 offline, bit 5 cover open;
   * status 4 (6th byte) bit 2 paper near end, bit 3 paper empty; status 6 (8th byte) holds the ETB counter (bits 1–3,
   * 5, 6 = counter bits 0–4).
   */
  starAsb(version: 3 | 4, etbCount: number): Buffer {
    const asb = Buffer.alloc(9);
    asb[0] = 0x23;
    asb[1] = (version << 1) & 0x0e;
    asb[2] = (this.offline ? 0x08 : 0) | (this.coverOpen ? 0x20 : 0);
    asb[5] = (this.paper === 'near-end' || this.paper === 'out' ? 0x04 : 0) | (this.paper === 'out' ? 0x08 : 0);
    const c = etbCount & 0x1f;
    asb[7] = ((c & 0x07) << 1) | ((c & 0x18) << 2);
    return asb;
  }
}
