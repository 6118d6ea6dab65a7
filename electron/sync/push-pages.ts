import type { EntryOutcome, PushEntry } from '../../shared/schemas/sync-protocol';
import type { CloudClient } from './http-client';
import { reasonOf, SyncFailure } from './sync-failure';
import { nextTurn } from './wake-sleep';

export interface PushDeps {
  /** Unconfirmed entries in seq order. */
  entries(limit: number): PushEntry[];
  /** Entries from `seq` on, confirmed or not: the cloud lost them (restored from a backup) and asks again. */
  entriesFrom(seq: number, limit: number): PushEntry[];
  /** Settles entries by their outcomes (one transaction). */
  record(outcomes: EntryOutcome[]): void;
  signal: AbortSignal;
  pageSize: number;
}

/** A cloud that keeps asking for the same gap after this many resends is broken: back off instead of looping. */
const MAX_GAP_RESENDS = 3;

/**
 * Pushes the outbox in seq order, page by page, until nothing is pending. A reply with `expectedSeq` below the
 * page's first seq means the cloud is behind (restored): the entries from that seq are sent again (the outbox keeps
 * them; the cloud answers `duplicate` for what it still has). A page that settles nothing is a fault: it raises,
 * so the loop backs off rather than sending the same page in a tight loop.
 */
export async function pushWithGaps(cloud: CloudClient, deps: PushDeps): Promise<void> {
  let resendFrom: number | null = null;
  let resends = 0;
  for (;;) {
    const entries = resendFrom === null ? deps.entries(deps.pageSize) : deps.entriesFrom(resendFrom, deps.pageSize);
    if (entries.length === 0) {
      if (resendFrom === null) return;
      resendFrom = null;
      continue;
    }
    const reply = await cloud.push(entries, deps.signal);
    deps.record(reply.outcomes);
    const first = entries[0]!.seq;
    if (reply.expectedSeq !== null && reply.expectedSeq < first) {
      resends += 1;
      if (resends > MAX_GAP_RESENDS) throw new SyncFailure(reasonOf('sync.serverError', { status: 409 }), false);
      resendFrom = reply.expectedSeq;
      continue;
    }
    if (reply.outcomes.length === 0) throw new SyncFailure(reasonOf('sync.serverError', { status: 409 }), false);
    // through the resent range (it runs on into the pending entries) until nothing is left after it
    if (resendFrom !== null) resendFrom = reply.outcomes[reply.outcomes.length - 1]!.seq + 1;
    await nextTurn();
  }
}
