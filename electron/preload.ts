import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannelFor, METHOD_NAME_PATTERN, type StampdeskBridge } from '../shared/api/bridge';
import type { Result } from '../shared/api/result';

/** The only file that touches ipcRenderer. The page gets `window.stampdesk.call` and nothing else. */
const bridge = {
  call(method: string, input: unknown): Promise<Result<unknown>> {
    const unknown: Result<unknown> = {
      ok: false,
      error: { code: 'unknown_method', message: `There is no API method "${String(method).slice(0, 80)}".` },
    };
    if (typeof method !== 'string' || !METHOD_NAME_PATTERN.test(method)) return Promise.resolve(unknown);
    return ipcRenderer.invoke(ipcChannelFor(method), input).catch(() => unknown);
  },
} satisfies StampdeskBridge;

contextBridge.exposeInMainWorld('stampdesk', bridge);
