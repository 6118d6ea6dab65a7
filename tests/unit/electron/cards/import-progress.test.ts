import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { useTempCore } from '../../../support/temp-core';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const csvOf = (rows: number, first = 70_000_000) =>
  [HEADER, ...Array.from({ length: rows }, (_, i) => `${first + i},Chunk Person ${i},p${i}@example.com,+66 81 ${String(i).padStart(7, '0')},1024,3,2,8,web,,`)].join('\n');

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/**
 * Starts `call`, and until it settles asks app.info, operations.progress and (once rows are written) a write, each
 * as soon as the event loop lets it: what a second browser tab or the same admin's other screens do during a long import.
 */
async function whileRunning(core: Core, operationId: string, call: Promise<unknown>) {
  let settled = false;
  const result = call.finally(() => (settled = true));
  const answeredMeanwhile: unknown[] = [];
  const progress: Array<{ stage: string; done: number; total: number }> = [];
  let writeMeanwhile: unknown = null;
  while (!settled) {
    await tick();
    if (settled) break;
    const info = await core.call('app.info', {});
    if (!settled) answeredMeanwhile.push(info);
    const seen = await core.call('operations.progress', { id: operationId });
    if (seen.ok && seen.value) progress.push(seen.value as (typeof progress)[number]);
    // once rows are being written, a write by another call has to wait for the import
    const writing = progress.at(-1)?.stage === 'writing' && !settled;
    if (writing) writeMeanwhile ??= await core.call('settings.set', { shopName: 'Changed during the import' });
  }
  return { value: await result, answeredMeanwhile, progress, writeMeanwhile };
}

describe('a large import does not freeze the app', () => {
  const core = useTempCore();

  it('other calls are answered while 20,000 rows are written, progress is reported, and every row lands', async () => {
    const operationId = 'import-test-0001';
    const run = await whileRunning(core(), operationId, core().call('cards.importCsv', { csv: csvOf(20_000), dryRun: false, operationId }));
    expect(run.value).toMatchObject({ ok: true, value: { imported: 20_000, rejected: [] } });
    expect(run.answeredMeanwhile.length).toBeGreaterThan(0);
    expect(run.answeredMeanwhile.every((a) => (a as { ok: boolean }).ok)).toBe(true);
    // progress: the file read, then the cards written, counting up to the total
    const writing = run.progress.filter((p) => p.stage === 'writing');
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.every((p) => p.total === 20_000 && p.done <= p.total)).toBe(true);
    expect(run.progress.map((p) => p.done).filter((_, i) => run.progress[i]!.stage === 'writing')).toEqual(
      [...writing.map((p) => p.done)].sort((a, b) => a - b),
    );
    // a write during the import is refused at once with a clear answer, and is not done
    expect(run.writeMeanwhile).toMatchObject({ ok: false, error: { code: 'storage_unavailable', key: 'apiErrors.storage.busy' } });
    expect(await core().call('settings.get', {})).not.toMatchObject({ value: { shopName: 'Changed during the import' } });

    const info = await core().call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { cards: 20_000 } });
    const found = await core().call('cards.search', { query: 'Chunk Person 19999' });
    expect(found).toMatchObject({ ok: true, value: { total: 1 } });
    // when it is over, its progress says so
    expect(await core().call('operations.progress', { id: operationId })).toMatchObject({ ok: true, value: { stage: 'done' } });
  });

  it('a dry run of a large file also lets other calls through, and writes nothing', async () => {
    const operationId = 'import-dry-0001';
    const run = await whileRunning(core(), operationId, core().call('cards.importCsv', { csv: csvOf(20_000), dryRun: true, operationId }));
    expect(run.value).toMatchObject({ ok: true, value: { dryRun: true, imported: 20_000 } });
    expect(run.answeredMeanwhile.length).toBeGreaterThan(0);
    expect(run.progress.some((p) => p.stage === 'reading')).toBe(true);
    expect(await core().call('app.info', {})).toMatchObject({ ok: true, value: { cards: 0 } });
  });

  it('an unknown operation has no progress; a malformed id is refused', async () => {
    expect(await core().call('operations.progress', { id: 'never-started-0001' })).toEqual({ ok: true, value: null });
    expect(await core().call('operations.progress', { id: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
  });
});
