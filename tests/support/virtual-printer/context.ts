import type { QrLevel } from './codes';
import type { JobState } from './job';
import type { DotImage } from './page';
import type { PrinterState } from './status';

/** What a command parser acts on: the job, the printer's state, and the back channel. */
export interface ParseContext {
  job: JobState;
  state: PrinterState;
  reply(bytes: ArrayLike<number>): void;
  /** GS a n: the automatic status back is on. */
  asbEnabled: boolean;
  qr: { model: number; moduleDots: number; level: QrLevel; data: Buffer | null };
  barcode: { height: number; moduleDots: number; hri: number };
  /** GS ( L fn 112 stores a graphic; fn 50 prints it. */
  graphic: { image: DotImage; scaleX: number; scaleY: number } | null;
}

export function newParseContext(job: JobState, state: PrinterState, reply: (bytes: ArrayLike<number>) => void): ParseContext {
  return {
    job,
    state,
    reply,
    asbEnabled: false,
    qr: { model: 50, moduleDots: 3, level: 'L', data: null },
    barcode: { height: 162, moduleDots: 3, hri: 0 },
    graphic: null,
  };
}

/**
 * A parser step: a positive number is the bytes the command took; a negative number -n means "the command is not
 * complete: n bytes from its start are needed" (the stream arrives in arbitrary chunks).
 */
export type Step = number;
