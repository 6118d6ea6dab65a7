import { describe, expect, it } from 'vitest';
import { parseWebHostArgs } from '../../../../electron/web-host/args';

describe('npm run web arguments', () => {
  it('defaults to the per-user folder, the usual port, no demo, opening a browser', () => {
    expect(parseWebHostArgs([])).toEqual({ ok: true, args: { demo: false, open: true } });
  });

  it('reads every option, with or without =', () => {
    expect(parseWebHostArgs(['--data-dir', '/tmp/x', '--port', '0', '--demo', '--no-open'])).toEqual({
      ok: true,
      args: { dataDir: '/tmp/x', port: 0, demo: true, open: false },
    });
    expect(parseWebHostArgs(['--data-dir=/srv/shop', '--port=8080'])).toMatchObject({ ok: true, args: { dataDir: '/srv/shop', port: 8080 } });
  });

  it('explains bad options with the usage line', () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port'], ['--data-dir'], ['--frobnicate']]) {
      const parsed = parseWebHostArgs(argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('Usage: npm run web');
    }
  });
});
