import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { RunningHost } from './start-web-host';

/** Calls the browser host's API over real HTTP, as the renderer does. */
export async function api<K extends MethodName>(host: RunningHost, method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const response = await fetch(`${host.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<MethodOutput<K>>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
