import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { StampdeskBridge } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/result';
import { ApiCallError } from './api-error';
import { takeAccessToken } from './access-token';

declare global {
  interface Window {
    stampdesk?: StampdeskBridge;
  }
}

type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Which host we run in: the Electron preload's bridge, or the browser host's HTTP API. */
export type HostKind = 'electron' | 'browser' | 'browser-without-token';

let transport: Transport | null = null;
let hostKind: HostKind = 'browser-without-token';

export function connect(): HostKind {
  if (window.stampdesk) {
    const bridge = window.stampdesk;
    transport = (method, input) => bridge.call(method, input);
    hostKind = 'electron';
    return hostKind;
  }
  const token = takeAccessToken(window.location, window.sessionStorage, window.history);
  if (!token) {
    hostKind = 'browser-without-token';
    return hostKind;
  }
  transport = async (method, input) => {
    const response = await fetch(`./rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The server answered ${response.status}.` } };
    }
  };
  hostKind = 'browser';
  return hostKind;
}

export function currentHost(): HostKind {
  return hostKind;
}

/** Calls one API method; resolves with its value or rejects with an ApiCallError. */
export async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  if (!transport) throw new ApiCallError({ code: 'unauthorized', message: 'Not connected to Stampdesk.' });
  let result: Result<unknown>;
  try {
    result = await transport(method, input);
  } catch {
    throw new ApiCallError({ code: 'unreachable', message: 'Stampdesk is not reachable. Is it still running?' });
  }
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as MethodOutput<K>;
}
