/**
 * Tells the sync engine that an outbox entry was written, so it pushes at once instead of waiting for its next
 * round. enqueueOutbox calls `signalOutboxWrite` inside the change's transaction; listeners run on a later turn
 * (setImmediate), after that transaction has committed (or rolled back: a wake-up for nothing costs one look).
 * Several writes in one turn give one notification.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let scheduled = false;

export function onOutboxWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function signalOutboxWrite(): void {
  if (scheduled || listeners.size === 0) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // a listener's failure must not stop the others, nor reach the writer
      }
    }
  });
}
