import type { Db } from '../../db/client';
import type { PrintReason } from '../../../shared/schemas/printing';
import type { SystemPrinter } from '../system/system-printer';
import type { TransportTimeouts } from '../transport/printer-connection';
import type { ReceiptDrawerPort } from './drawer-port';

export interface JobContext {
  db: Db;
  drawer: ReceiptDrawerPort;
  systemPrinter: SystemPrinter | null;
  now: () => number;
  timeouts: TransportTimeouts;
  /** Connections in use, destroyed when the queue stops. */
  track(close: () => void): () => void;
}

/**
 * How a run of a job ended, for the queue: finished (done, failed, uncertain, or set aside by a person); `wait`
 * — the printer cannot print now (the job is `waiting` with the reason) and is asked again later; `unreachable`
 * — nothing was sent, the printer did not take the connection.
 */
export type RunOutcome = { kind: 'finished' } | { kind: 'wait' } | { kind: 'unreachable'; reason: PrintReason };
