import { fork } from 'node:child_process';
import path from 'node:path';
import type { HostMessage, WorkerMessage } from './protocol';
import type { SpawnWorker, WorkerProcess } from './worker-process';

/**
 * The worker as a Node child process (the browser host, tests, the benchmarks): `fork` with an IPC channel whose
 * messages are structured clones (`advanced`), so byte arrays travel as bytes, not as JSON arrays of numbers.
 * Its stdout is not the host's (the host prints its address there); its stderr is, for Skia's last words.
 */
export function nodeWorkerSpawner(entry: string, loaderArgs: readonly string[] = []): SpawnWorker {
  return ({ execArgv, env }) => {
    const child = fork(entry, [], {
      execArgv: [...loaderArgs, ...execArgv],
      env: { ...process.env, ...env },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const started = new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid!));
      child.once('error', reject);
    });
    started.catch(() => {}); // a failed start is reported through onExit as well
    const worker: WorkerProcess = {
      started,
      send: (message: HostMessage) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as WorkerMessage)),
      onExit: (listener) => {
        let reported = false;
        const report = (how: string) => {
          if (!reported) listener(how);
          reported = true;
        };
        child.once('exit', (code, signal) => report(signal ? `signal ${signal}` : `exit code ${code}`));
        child.once('error', (error) => report(`could not start: ${error.message}`));
      },
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
      hold: (busy) => {
        const channel = child.channel as { ref?: () => void; unref?: () => void } | null | undefined;
        if (busy) {
          child.ref();
          channel?.ref?.();
        } else {
          child.unref();
          channel?.unref?.();
        }
      },
    };
    return worker;
  };
}

/** The worker run from its TypeScript source through tsx: tests, the benchmarks and the seeder, from the checkout. */
export function sourceWorkerSpawner(): SpawnWorker {
  return nodeWorkerSpawner(path.resolve('electron/isolation/worker-main.ts'), ['--import', 'tsx']);
}
