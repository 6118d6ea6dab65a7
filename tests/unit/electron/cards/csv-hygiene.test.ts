import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { makeTempDir, MIGRATIONS_DIR } from '../../../support/temp-dir';

const HEADER = 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at';
const row = (id: number, name: string, email = '') => `${id},${name},${email},,1024,2,1,8,web,2026-01-10T09:00:00Z,`;

interface Report {
  imported: number;
  skipped: number;
  rejected: Array<{ line: number; key: string; reason: string; params: Record<string, unknown> }>;
}

describe('CSV import and export: control characters and formulas', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const names = async () => (await value<{ items: Array<{ id: number; name: string }> }>('cards.search', { sort: { by: 'id', direction: 'asc' } })).items.map((i) => i.name);
  beforeEach(() => {
    temp = makeTempDir();
    core = createCore({ dataDir: temp.dir, migrationsDir: MIGRATIONS_DIR, version: 't', now: () => Date.UTC(2026, 10, 23, 12) });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('a row with a NUL in a cell is rejected with its line and column; the other rows are imported', async () => {
    const csv = [HEADER, row(200001, 'Olivia Smith'), row(200002, 'Jos\u0000e Garcia'), row(200003, 'Kim', 'kim\u0000@example.com'), row(200004, 'สมชาย')].join('\n');
    const report = await value<Report>('cards.importCsv', { csv, dryRun: false });
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([
      { line: 3, key: 'nulCharacter', params: { column: 'name' }, reason: 'name contains a NUL character (an invisible control character); remove it' },
      { line: 4, key: 'nulCharacter', params: { column: 'email' }, reason: 'email contains a NUL character (an invisible control character); remove it' },
    ]);
    expect(await names()).toEqual(['Olivia Smith', 'สมชาย']);
  });

  it('a file with a lone surrogate anywhere (no UTF-8 decoder makes one: it came through the API) is refused whole', async () => {
    const csv = [HEADER, row(200001, 'Olivia Smith'), row(200002, 'Jos\ud800e')].join('\n');
    for (const dryRun of [true, false]) {
      const result = await core.call('cards.importCsv', { csv, dryRun });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'csv', key: 'validation.brokenCharacter' } });
    }
    expect(await names()).toEqual([]);
  });

  it('bidi embedding, override and isolate controls are stripped from the cells; ZWNJ and ZWJ stay', async () => {
    const csv = [HEADER, row(200001, '\u202eexe.live\u202c'), row(200002, '\u2067علی\u200cرضا\u2069'), row(200003, 'ક્\u200dષ')].join('\n');
    await value<Report>('cards.importCsv', { csv, dryRun: false });
    expect(await names()).toEqual(['exe.live', 'علی\u200cرضا', 'ક્\u200dષ']);
  });

  it('formula-like names are exported neutralised and import back unchanged', async () => {
    const tricky = ['＝1+1', '\u200b=HYPERLINK("http://evil.example")', '＠SUM(A1)', '－2', 'Café; Bar', '=cmd|x', '+66'];
    const csv = [HEADER, ...tricky.map((name, i) => row(200001 + i, `"${name.replaceAll('"', '""')}"`))].join('\n');
    await value<Report>('cards.importCsv', { csv, dryRun: false });
    expect(await names()).toEqual(tricky);

    const file = await value<{ csv: string }>('cards.exportCsv', {});
    const lines = file.csv.split('\r\n');
    expect(lines).toContain("200001,'＝1+1,,,1024,2,1,8,web,2026-01-10T09:00:00.000Z,");
    expect(lines).toContain('200002,"\'\u200b=HYPERLINK(""http://evil.example"")",,,1024,2,1,8,web,2026-01-10T09:00:00.000Z,');
    expect(lines).toContain('200005,"Café; Bar",,,1024,2,1,8,web,2026-01-10T09:00:00.000Z,');
    // no line, split at ; as a semicolon spreadsheet would, has a cell starting a formula
    for (const line of lines) for (const piece of line.split(/[;,]/)) expect(piece, line).not.toMatch(/^["\u200b]*[=+＝＠－]/);

    const again = await value<Report>('cards.importCsv', { csv: file.csv, dryRun: true });
    expect(again).toMatchObject({ skipped: tricky.length, imported: 0, rejected: [] });
  });

  it('the history and voucher-code exports neutralise formulas too (seat, reason, voucher title)', async () => {
    await value<Report>('cards.importCsv', { csv: [HEADER, row(200001, 'Olivia Smith')].join('\n'), dryRun: false });
    await value('settings.set', { seatName: '＠Counter' });
    await value('cards.adjustStamps', { id: 200001, delta: 1, reason: '\u200b=HYPERLINK("http://evil.example")' });
    const issued = await value<{ vouchers: Array<{ id: number }> }>('vouchers.issue', { cardId: 200001, title: '＝1+1; free', redeemCode: null, validity: { kind: 'unlimited' } });
    const history = (await value<{ csv: string }>('cards.exportHistoryCsv', { id: 200001 })).csv;
    const codes = (await value<{ csv: string }>('vouchers.exportCsv', { id: issued.vouchers[0]!.id })).csv;
    expect(history).toContain(',\'＠Counter,');
    expect(history).toContain('"\'＝1+1; free"');
    expect(codes).toContain(',"\'＝1+1; free",');
    for (const line of [...history.split('\r\n'), ...codes.split('\r\n')]) {
      for (const piece of line.split(/[;,]/)) expect(piece, line).not.toMatch(/^["\u200b]*[=+＝＠－]/);
    }
  });
});
