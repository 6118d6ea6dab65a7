import type { PrintJob, PrintJobState } from '../../../shared/schemas/printing';

/** States in which the queue is still working on a job: the lists poll every second while one is in such a state. */
export const ACTIVE_JOB_STATES: readonly PrintJobState[] = ['queued', 'waiting', 'printing'];

export function isActiveJob(job: Pick<PrintJob, 'status'>): boolean {
  return ACTIVE_JOB_STATES.includes(job.status);
}

export type JobAction = 'retry' | 'reprint' | 'markDone' | 'pause' | 'resume' | 'cancel';

/**
 * What a person may do with a job in its state. `uncertain`: it may have printed, so the choice is reprint
 * (print.retry) or "it printed" (print.markDone), never a silent resend. A done job is never printed again.
 */
export function jobActions(job: Pick<PrintJob, 'status' | 'kind' | 'total'>): JobAction[] {
  switch (job.status) {
    case 'queued':
    case 'waiting':
      return job.kind === 'batch' ? ['pause', 'cancel'] : ['cancel'];
    case 'printing':
      return job.kind === 'batch' ? ['pause', 'cancel'] : [];
    case 'paused':
      return ['resume', 'cancel'];
    case 'failed':
    case 'cancelled':
      return ['retry'];
    case 'uncertain':
      return ['reprint', 'markDone'];
    case 'done':
      return [];
  }
}

/** The API method behind each action. */
export const ACTION_METHOD = {
  retry: 'print.retry',
  reprint: 'print.retry',
  markDone: 'print.markDone',
  pause: 'print.pause',
  resume: 'print.resume',
  cancel: 'print.cancel',
} as const satisfies Record<JobAction, string>;
