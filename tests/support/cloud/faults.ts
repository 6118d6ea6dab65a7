/**
 * Faults to switch on at run time (Cloud.faults.set or PUT /admin/faults). They touch the protocol's routes only,
 * never the admin routes.
 */
export interface CloudFaults {
  /** Share of requests (0–1) answered with `status` (default 500) before anything is done. */
  errorRate?: number;
  /** With no `errorRate`: every request is answered with this status. With one: the status of those that fail. */
  status?: number;
  /** Each request waits this long before it is handled. */
  delayMs?: number;
  /** The request is handled (a push commits) and then the connection is destroyed instead of answering. */
  dropReplyAfterCommit?: boolean;
  /** Every pulled change comes twice in its page. */
  duplicateDeliveries?: boolean;
  /** The changes of a pulled page come in shuffled order (each carries its version). */
  reorderPulls?: boolean;
  /** The next push commits about half its entries, then the connection is cut (like a crash); then this clears. */
  failNextPushMidway?: boolean;
}


export class Faults {
  current: CloudFaults = {};

  set(faults: Partial<CloudFaults>): void {
    this.current = { ...this.current, ...faults };
  }

  clear(): void {
    this.current = {};
  }

  /** The status to answer with instead of handling the request, if any. */
  injectedStatus(): number | null {
    const { errorRate, status } = this.current;
    if (errorRate !== undefined && errorRate > 0) return Math.random() < errorRate ? (status ?? 500) : null;
    return status ?? null;
  }

  async delay(): Promise<void> {
    const ms = this.current.delayMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** For a push of `count` entries: after how many committed entries to cut it (one-shot), or null. */
  takeMidwayCut(count: number): number | null {
    if (!this.current.failNextPushMidway) return null;
    this.current = { ...this.current, failNextPushMidway: false };
    return Math.max(1, Math.floor(count / 2));
  }

  /** A pulled page as the faults deliver it. */
  deliver<T>(changes: T[]): T[] {
    let list = changes;
    if (this.current.reorderPulls) list = shuffle(list);
    if (this.current.duplicateDeliveries) list = [...list, ...list];
    return list;
  }
}

function shuffle<T>(list: T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  // A page of two or more always comes out of order.
  if (copy.length > 1 && copy.every((c, i) => c === list[i])) copy.reverse();
  return copy;
}
