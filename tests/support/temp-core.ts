import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from './temp-dir';

/**
 * A core on a fresh data folder for each test of the surrounding describe (no background expiry sweep unless
 * asked), closed and removed after it. Returns a getter: `const core = useTempCore(); … core().call(…)`.
 */
export function useTempCore(options: Partial<Omit<CoreOptions, 'dataDir' | 'migrationsDir'>> = {}): () => Core {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let core: Core | null = null;
  beforeEach(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', expirySweepMs: 0, ...options });
  });
  afterEach(() => {
    core?.close();
    temp?.cleanup();
    core = null;
    temp = null;
  });
  return () => {
    if (!core) throw new Error('useTempCore: the core exists only inside a test');
    return core;
  };
}
