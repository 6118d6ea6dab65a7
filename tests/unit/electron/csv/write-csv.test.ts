import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../electron/csv/parse-csv';
import { csvCell, csvLine } from '../../../../electron/csv/write-csv';

const read = (line: string) => [...readCsv(line, { maxColumns: 50, maxFieldLength: 10_000 })][0]!.fields;

describe('CSV cells a spreadsheet cannot run', () => {
  it('neutralises = + - @ and tab/CR at the start, as before', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+66 81 234 5678')).toBe("'+66 81 234 5678");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=x')).toBe('"\'\t=x"');
  });

  it('neutralises the fullwidth signs ＝ ＋ － ＠', () => {
    for (const sign of ['＝', '＋', '－', '＠']) expect(csvCell(`${sign}1`)).toBe(`'${sign}1`);
  });

  it('neutralises a formula behind zero-width, joiner, BOM, bidi or soft-hyphen characters', () => {
    for (const lead of ['\u200b', '\u200d', '\u200c', '\ufeff', '\u200f', '\u202e', '\u2066', '\u00ad']) {
      expect(csvCell(`${lead}=HYPERLINK("http://evil.example")`).startsWith(`"'${lead}=`), JSON.stringify(lead)).toBe(true);
      expect(csvCell(`${lead}＠x`), JSON.stringify(lead)).toBe(`'${lead}＠x`);
    }
  });

  it('quotes a cell holding ; (or a tab) so a semicolon- (or tab-) delimited spreadsheet keeps it one cell', () => {
    expect(csvCell('a\t=1+1')).toBe('"a\t=1+1"');
    expect(csvCell('a;=1+1')).toBe('"a;=1+1"');
    expect(csvCell('Café; Bar')).toBe('"Café; Bar"');
    expect(csvLine(['x;y', 'z'])).toBe('"x;y",z\r\n');
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(csvCell('Olivia Smith')).toBe('Olivia Smith');
    expect(csvCell('สมชาย ศรีสุข')).toBe('สมชาย ศรีสุข');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });

  it('every written cell reads back as one field', () => {
    const cells = ['＝1', '\u200b=1', 'a;b', 'say "hi", ok', 'line\nbreak', '-', '＠'];
    expect(read(csvLine(cells))).toHaveLength(cells.length);
  });
});
