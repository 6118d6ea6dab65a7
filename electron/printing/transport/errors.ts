import type { PrintReason } from '../../../shared/schemas/printing';

/**
 * A transport failure with the sentence a person reads. `phase` tells the queue what it means for the job:
 * `connect` — nothing was sent (safe to try again); `send` — bytes may have reached the printer (never resent
 * on our own: the job becomes uncertain).
 */
export class TransportError extends Error {
  constructor(
    readonly phase: 'connect' | 'send',
    readonly reason: PrintReason,
  ) {
    super(`${phase}: ${reason.key}`);
    this.name = 'TransportError';
  }
}

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);

/** A failed connect as a reason: refused, unreachable, or no answer in time. */
export function connectFailure(error: NodeJS.ErrnoException | null, host: string, port: number, timeoutMs: number): TransportError {
  const code = error?.code;
  if (code === 'ECONNREFUSED') return new TransportError('connect', { key: 'printing.refused', params: { host, port } });
  if (code && UNREACHABLE.has(code)) return new TransportError('connect', { key: 'printing.unreachable', params: { host } });
  return new TransportError('connect', { key: 'printing.connectTimeout', params: { host, seconds: Math.round(timeoutMs / 1000) } });
}
