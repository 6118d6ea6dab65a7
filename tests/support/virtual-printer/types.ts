/** The public shapes of the virtual receipt printer (see index.ts for the whole model). */

export type VirtualFault = 'refuse' | 'stall' | 'drop' | 'paper-out' | null;

export type PaperState = 'ok' | 'near-end' | 'out';

export interface VirtualPrinterOptions {
  /** 0 = any free port (default). */
  port?: number;
  /** PNGs are written here when set. */
  outDir?: string;
  /** Paper width in mm, default 80. */
  paper?: 58 | 80;
  /** Printable dots, default 576 for 80 mm, 384 for 58 mm. */
  dots?: number;
  fault?: VirtualFault;
  /** With fault 'drop': bytes read before the connection is reset (default 8192, half the 16 KB buffer of an Epson UB-E02). */
  dropAfterBytes?: number;
  /** With fault 'stall': bytes read before the printer stops reading (default 2048). */
  stallAfterBytes?: number;
  /**
   * The roll runs out once this many bytes of a job have arrived (once per printer): printing stops before the next
   * command, status says paper end, and what follows is held until setPaper('ok'). For a paper end mid-coupon.
   */
  paperRunsOutAfterBytes?: number;
  /** Called when a job has been printed (the CLI prints a summary). */
  onJob?: (job: PrintedJob) => void;
}

export interface PrintedPage {
  png: Buffer;
  file: string | null;
  width: number;
  height: number;
}

export interface PrintedJob {
  /** 1 for the first job this printer printed. */
  index: number;
  /** Bytes received on the connection. */
  bytes: number;
  /** One per cut; the tail after the last cut is a page too if it drew anything. */
  pages: PrintedPage[];
  /** Data of each native QR code printed (GS ( k, ESC GS y P). */
  qr: string[];
  /** Data of each native barcode printed (GS k, ESC b). */
  barcodes: string[];
  /** Text printed from text bytes, lines joined by "\n". */
  text: string;
  cuts: number;
  /** Status requests answered or seen (DLE EOT, GS r, GS ( H, ESC ACK SOH, ETB). */
  statusQueries: number;
  /** Dot rows of raster and column images received. */
  rasterRows: number;
  /** Commands this printer does not know, e.g. "ESC 0x7e" (never a crash). */
  unknownCommands: string[];
  /** The connection ended normally (FIN) rather than being dropped. */
  complete: boolean;
  /** The widest overrun beyond the printable width, in dots (those dots are cut off, as on a real printer). */
  overflowDots: number;
  /** What a real printer would do oddly with this stream (a barcode too wide only feeds, a QR model not drawn, …). */
  notes: string[];
  /** Code page and character set selections as sent, e.g. "ESC t 0", "ESC R 0", "ESC GS t 32". */
  codePages: string[];
  /** 'esc-pos', 'star' or null when no command told them apart. */
  language: 'esc-pos' | 'star' | null;
}

export interface VirtualPrinter {
  port: number;
  host: '127.0.0.1';
  jobs: PrintedJob[];
  setFault(fault: VirtualFault): Promise<void>;
  setPaper(state: PaperState): void;
  setCoverOpen(open: boolean): void;
  waitForJobs(count: number, timeoutMs?: number): Promise<PrintedJob[]>;
  close(): Promise<void>;
}
