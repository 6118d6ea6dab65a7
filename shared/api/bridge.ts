import type { Result } from './result';

/** What the Electron preload exposes as `window.stampdesk`: one function, nothing else. */
export interface StampdeskBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

/** The IPC channel of one API method. */
export const ipcChannelFor = (method: string): string => `stampdesk:${method}`;

/** The shape of a method name (`domain.verb`), checked before anything is sent. */
export const METHOD_NAME_PATTERN = /^[a-z][a-zA-Z]{0,40}\.[a-z][a-zA-Z]{0,40}$/;
