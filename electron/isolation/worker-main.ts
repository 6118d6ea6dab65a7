import { serializeError, type HostMessage, type WorkerMessage } from './protocol';
import { runJob } from './jobs';

/**
 * The isolated worker's entry point (built to dist/worker/image-worker.cjs; tests run it from source through tsx).
 * It decodes uploaded pictures and draws coupons, the two things that load native code able to abort a process
 * (Skia, libvips, the HEIC decoder). Started by the host as an Electron utility process or a Node child process;
 * it runs the jobs it is sent one after another.
 */
interface Port {
  post(message: WorkerMessage): void;
  onMessage(listener: (message: HostMessage) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function hostPort(): Port {
  const electron = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electron) {
    return {
      post: (message) => electron.postMessage(message),
      onMessage: (listener) => electron.on('message', (event) => listener(event.data as HostMessage)),
    };
  }
  if (!process.send) {
    console.error('The Stampdesk worker runs only when Stampdesk starts it.');
    process.exit(2);
  }
  process.on('disconnect', () => process.exit(0)); // the host is gone
  return {
    post: (message) => process.send?.(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as HostMessage)),
  };
}

const port = hostPort();
let jobs = Promise.resolve();
port.onMessage((message) => {
  if (message.type !== 'job') return;
  jobs = jobs.then(async () => {
    try {
      port.post({ type: 'done', id: message.id, value: await runJob(message.kind, message.input) });
    } catch (error) {
      port.post({ type: 'failed', id: message.id, error: serializeError(error) });
    }
  });
});
port.post({ type: 'ready' });
