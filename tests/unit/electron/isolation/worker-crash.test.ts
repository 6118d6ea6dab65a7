import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../../../shared/i18n/translator';
import { createCore, type Core, type CoreOptions } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';
import { issue } from './helpers';

/** A square SVG within the 40-megapixel limit (no check refuses it): Skia needs side² × 4 bytes to decode it. */
const squareSvg = (side: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect width="${side}" height="${side}" fill="#36c"/></svg>`;

/** An SVG that keeps Skia busy for seconds on little memory: sixteen offset copies merged, on 3000 × 3000 pixels. */
const slowSvg = () => {
  const nodes = Array.from({ length: 16 }, (_, i) => `<feOffset in="SourceGraphic" dx="${i}" result="r${i}"/>`).join('');
  const merge = Array.from({ length: 16 }, (_, i) => `<feMergeNode in="r${i}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="3000"><filter id="f" x="0" y="0" width="1" height="1">${nodes}<feMerge>${merge}</feMerge></filter><rect width="3000" height="3000" fill="red" filter="url(#f)"/></svg>`;
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('coupons are drawn and pictures read in a separate process', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  const open = (worker?: CoreOptions['worker']) => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', resourcesDir: path.resolve('resources'), ...(worker ? { worker } : {}) });
    return core;
  };
  const upload = async (svg: string) => {
    const result = await core.call('images.import', { base64: Buffer.from(svg).toString('base64'), fileName: 'picture.svg' });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { id: string }).id;
  };
  let closed = false;
  afterEach(() => {
    if (!closed) core.close();
    closed = false;
    temp.cleanup();
  });

  it('starts on the first picture or coupon, not with the app, and ends with it', async () => {
    open();
    expect(core.worker.pid).toBeNull();
    await upload(squareSvg(20));
    const pid = core.worker.pid!;
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    expect(alive(pid)).toBe(true);
    core.close();
    closed = true;
    await expect.poll(() => alive(pid)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('caps the memory of that process (RLIMIT_DATA), not only its JavaScript heap', async () => {
    open({ memoryLimitMb: 700 });
    await upload(squareSvg(20));
    const limits = fs.readFileSync(`/proc/${core.worker.pid}/limits`, 'utf8');
    expect(limits).toMatch(new RegExp(`Max data size\\s+${700 * 1024 * 1024}\\s+${700 * 1024 * 1024}\\s+bytes`));
  });

  it('a picture that needs more memory than the cap fails that download with a translated reason; the app answers on and the next download works', async () => {
    open({ memoryLimitMb: 320 });
    const heavy = await issue(core, 'Poster', await upload(squareSvg(6000))); // 36 megapixels: 144 MB of bitmap for Skia
    const plain = await issue(core, 'Plain coupon');
    const first = core.worker.pid;

    const [failed, info] = await Promise.all([core.call('vouchers.render', { id: heavy, format: 'pdf' }), core.call('app.info', {})]);
    expect(info).toMatchObject({ ok: true });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal', key: 'apiErrors.worker.drawingStopped' } });
    if (failed.ok) return;
    expect(failed.error.message).toMatch(/needed more memory than allowed/);
    expect(translate('ko', failed.error.key!)).toMatch(/메모리/);
    expect(alive(first!)).toBe(false);

    const next = await core.call('vouchers.render', { id: plain, format: 'png' });
    expect(next).toMatchObject({ ok: true, value: { mime: 'image/png' } });
    expect(core.worker.pid).not.toBe(first);
  }, 60_000);

  it('a worker killed between jobs is started again for the next one', async () => {
    open();
    const id = await issue(core, 'Plain coupon');
    expect(await core.call('vouchers.render', { id, format: 'png' })).toMatchObject({ ok: true });
    const pid = core.worker.pid!;
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => core.worker.pid).toBeNull();
    expect(await core.call('vouchers.render', { id, format: 'pdf' })).toMatchObject({ ok: true, value: { mime: 'application/pdf' } });
  }, 60_000);

  it('a drawing that outlasts its time limit is stopped with a translated reason, and the next one works', async () => {
    const slowLimit = 1500;
    open({ timeLimitMs: (kind, input) => (kind === 'coupons.draw' && Object.keys((input as { images: object }).images).length > 0 ? slowLimit : 60_000) });
    const slow = await issue(core, 'Slow', await upload(slowSvg()));
    const plain = await issue(core, 'Plain coupon');
    const failed = await core.call('vouchers.render', { id: slow, format: 'png' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal', key: 'apiErrors.worker.drawingTimedOut', params: { count: 2 } } });
    if (!failed.ok) expect(failed.error.message).toContain('took longer than 2 seconds');
    expect(await core.call('vouchers.render', { id: plain, format: 'png' })).toMatchObject({ ok: true });
  }, 60_000);

  it('runs jobs that arrive together one after another, each answered', async () => {
    open();
    const ids = await Promise.all([1, 2, 3].map((n) => issue(core, `Coupon ${n}`)));
    const results = await Promise.all([
      core.call('images.import', { base64: Buffer.from(squareSvg(40)).toString('base64'), fileName: 'a.svg' }),
      ...ids.map((id) => core.call('vouchers.render', { id, format: 'png' })),
      core.call('images.import', { base64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64'), fileName: 'b.svg' }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, false]);
    expect(results[4]).toMatchObject({ error: { key: 'apiErrors.image.svg.script', field: 'base64' } });
  }, 60_000);

  it('a worker that cannot start fails the call with a translated reason instead of hanging', async () => {
    const { nodeWorkerSpawner } = await import('../../../../electron/isolation/spawn-node');
    open({ spawn: nodeWorkerSpawner(path.resolve('dist/no-such-worker.cjs')), log: () => {} });
    const result = await core.call('images.import', { base64: Buffer.from(squareSvg(10)).toString('base64') });
    expect(result).toMatchObject({ ok: false, error: { key: 'apiErrors.worker.cannotStart', field: 'base64' } });
    expect(await core.call('app.info', {})).toMatchObject({ ok: true });
  });
});
