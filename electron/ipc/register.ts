import { ipcMain } from 'electron';
import { METHOD_NAMES } from '../../shared/api/contract';
import { ipcChannelFor } from '../../shared/api/bridge';
import { apiError } from '../../shared/api/api-error';
import { fail } from '../../shared/api/result';
import type { Core } from '../core/create-core';
import { isTrustedAppUrl } from '../security';

/**
 * The only file that touches ipcMain: one handler per contract method. A call from any frame that
 * is not the app's own origin is refused before the core sees it.
 */
export function registerIpc(core: Core): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannelFor(method), (event, input: unknown) => {
      if (!isTrustedAppUrl(event.senderFrame?.url)) {
        return fail(apiError('forbidden', 'api.windowNotAllowed'));
      }
      return core.call(method, input);
    });
  }
}
