import type { HostMessage, WorkerMessage } from './protocol';

/**
 * One running worker process, as the host sees it, whatever started it: a Node child process (browser host,
 * tests) or an Electron utility process. The host never touches child_process or Electron itself.
 */
export interface WorkerProcess {
  /** Its process id once it runs (the memory cap is applied to it). */
  readonly started: Promise<number>;
  send(message: HostMessage): void;
  onMessage(listener: (message: WorkerMessage) => void): void;
  /** Called once when it ends, however it ends; `how` names the exit code or signal, for the log. */
  onExit(listener: (how: string) => void): void;
  kill(): void;
  /** While busy it keeps the host process alive; idle, it does not hold the host open (Node only). */
  hold(busy: boolean): void;
}

/** How the host wants the worker started: V8 flags, and environment variables added to the host's own. */
export interface WorkerSettings {
  execArgv: string[];
  env: Record<string, string>;
}

export type SpawnWorker = (settings: WorkerSettings) => WorkerProcess;
