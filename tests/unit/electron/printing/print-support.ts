import type { Core } from '../../../../electron/core/create-core';
import type { PrintJob, Printer } from '../../../../shared/schemas/printing';

/** Calls a method and returns its value, or throws the error's message (with its key) for the test to read. */
export async function value<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message} [${(result.error as { key?: string }).key}]`);
  return result.value as T;
}

export async function issue(core: Core, title: string, quantity = 1): Promise<{ ids: number[]; batchId: number | null; codes: string[]; tokens: string[] }> {
  const issued = await value<{ batchId: number | null; vouchers: Array<{ id: number; redeemCode: string; token: string }> }>(core, 'vouchers.issue', {
    title,
    redeemCode: { kind: 'generated' },
    validity: { kind: 'unlimited' },
    quantity,
  });
  return {
    ids: issued.vouchers.map((v) => v.id),
    batchId: issued.batchId ?? null,
    codes: issued.vouchers.map((v) => v.redeemCode),
    tokens: issued.vouchers.map((v) => v.token),
  };
}

export function addNetworkPrinter(core: Core, port: number, extra: Record<string, unknown> = {}): Promise<Printer> {
  return value<Printer>(core, 'printers.add', { kind: 'network', name: 'Counter', host: '127.0.0.1', port, paperWidth: 80, language: 'esc-pos', ...extra });
}

export async function job(core: Core, jobId: number): Promise<PrintJob> {
  const jobs = await value<PrintJob[]>(core, 'print.jobs', {});
  const found = jobs.find((j) => j.id === jobId);
  if (!found) throw new Error(`no job ${jobId}`);
  return found;
}

/** Waits until the job satisfies `ready` (a guard against hanging, not a timing check). */
export async function waitForJob(core: Core, jobId: number, ready: (job: PrintJob) => boolean, what = 'the job'): Promise<PrintJob> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const current = await job(core, jobId);
    if (ready(current)) return current;
    if (Date.now() > deadline) throw new Error(`${what} never came: ${JSON.stringify(current)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const settled = (j: PrintJob) => ['done', 'failed', 'uncertain', 'cancelled'].includes(j.status);
