import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { seedDemo } from '../../../../electron/demo/seed';
import { CARD_SORTS } from '../../../../shared/schemas/cards';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

interface Page {
  items: Array<{ id: number }>;
  nextCursor: string | null;
  total: number;
}

describe('keyset paging', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  const ctx = { seat: 'test', now: Date.now };
  beforeAll(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't' });
    seedDemo(core.db, { cards: 2500 });
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });
  const search = (input: Record<string, unknown>) => core.handlers['cards.search'](input as never, ctx) as Page;
  let nextNewId = 90_000_000;

  /** Pages through the list, changing the data between pages: new cards, deletions of unseen cards. */
  async function walk(input: Record<string, unknown>): Promise<{ seen: number[]; untouched: Set<number> }> {
    const before = new Set(pageAll(input));
    const seen: number[] = [];
    const deleted = new Set<number>();
    let cursor: string | null = null;
    let round = 0;
    do {
      const page = search({ ...input, limit: 97, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      // meanwhile, at the counter: a new card arrives and an unseen one is deleted
      const csv = `card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at\n${nextNewId++},Newcomer ${round},,,1024,3,1,8,web,,\n`;
      await core.handlers['cards.importCsv']({ csv, dryRun: false }, ctx);
      const unseen = [...before].find((id) => !seen.includes(id) && !deleted.has(id) && id % 7 === round % 7);
      if (unseen !== undefined) {
        core.handlers['cards.delete']({ id: unseen }, ctx);
        deleted.add(unseen);
      }
      round++;
    } while (cursor);
    const untouched = new Set([...before].filter((id) => !deleted.has(id)));
    return { seen, untouched };
  }

  function pageAll(input: Record<string, unknown>): number[] {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page = search({ ...input, limit: 500, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  for (const by of CARD_SORTS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorted by ${by} ${direction}: no duplicates, no gaps, while cards come and go`, async () => {
        const { seen, untouched } = await walk({ sort: { by, direction } });
        expect(new Set(seen).size).toBe(seen.length);
        const missing = [...untouched].filter((id) => !seen.includes(id));
        expect(missing).toEqual([]);
      });
    }
  }

  it('a search query pages the same way', async () => {
    const { seen, untouched } = await walk({ query: 'son' });
    expect(new Set(seen).size).toBe(seen.length);
    expect([...untouched].filter((id) => !seen.includes(id))).toEqual([]);
    expect(untouched.size).toBeGreaterThan(100);
  });

  it('pages come in the requested order', () => {
    const ids = pageAll({ sort: { by: 'id', direction: 'asc' } });
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
