import { utilityProcess } from 'electron';
import type { HostMessage, WorkerMessage } from './protocol';
import type { SpawnWorker } from './worker-process';

/**
 * The worker as an Electron utility process (the desktop app): a Node process of Electron's own, so the main
 * process never loads @napi-rs/canvas or sharp, and a native abort in Skia ends this process, not the app.
 * Messages are structured clones, as with Node's `advanced` IPC. Electron kills utility processes when the app
 * quits, and a utility process does not keep the app alive, so `hold` has nothing to do.
 */
export function electronWorkerSpawner(entry: string): SpawnWorker {
  return ({ execArgv, env }) => {
    const child = utilityProcess.fork(entry, [], {
      execArgv,
      env: { ...process.env, ...env },
      serviceName: 'Stampdesk drawing',
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const started = new Promise<number>((resolve) => child.once('spawn', () => resolve(child.pid!)));
    return {
      started,
      send: (message: HostMessage) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: WorkerMessage) => listener(message)),
      onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
      kill: () => {
        child.kill();
      },
      hold: () => {},
    };
  };
}
