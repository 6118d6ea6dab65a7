import { test as base } from '@playwright/test';
import { startWebHost, type RunningHost } from '../support/start-web-host';

/** Each test gets its own browser host on a fresh temporary data folder. */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use) => {
    const host = await startWebHost();
    await use(host);
    await host.stop();
  },
});

export { expect } from '@playwright/test';
