import { z } from 'zod';
import { says } from './messages';

/**
 * Long work (a large import, a large voucher batch) reports how far it is. The caller names the work with an
 * id of its own choosing (`operationId` in the call's input, e.g. a random UUID) and asks `operations.progress`
 * with that id while the call runs.
 */
export const operationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, says('invalid'));

export const OPERATION_STAGES = [
  /** Another long write runs first; this one starts when it ends. */
  'waiting',
  /** The input is read and checked (done/total: characters of the file). */
  'reading',
  /** Rows are written (done/total: rows). */
  'writing',
  /** Search entries are brought up to date (done/total: rows). */
  'indexing',
  /** Over: the call has answered or is answering. */
  'done',
] as const;
export type OperationStage = (typeof OPERATION_STAGES)[number];

export interface OperationProgress {
  stage: OperationStage;
  done: number;
  total: number;
}

export const operationProgressInput = z.strictObject({ id: operationIdSchema });
