import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD,
  checkGeneratedInput,
  formatRedeemCode,
  generatedCodeFromBytes,
  staticCodeProblem,
} from '../../../shared/domain/redeem-code';

describe('generated redeem codes', () => {
  it('are 10 random Crockford symbols and a check symbol, printed XXXX-XXXX-XXX', () => {
    const code = generatedCodeFromBytes(crypto.randomBytes(8));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{11}$/);
    expect(formatRedeemCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);
    expect(checkGeneratedInput(code)).toEqual({ kind: 'generated', code });
  });

  it('read back whatever the case, spaces, hyphens, O for 0 and I/L for 1', () => {
    const code = generatedCodeFromBytes(Uint8Array.from([0, 0, 0, 0, 0, 0, 1]));
    const typed = formatRedeemCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/-/g, ' ');
    expect(checkGeneratedInput(typed)).toEqual({ kind: 'generated', code });
  });

  it('catch every single wrong symbol and nearly every swap of two different neighbours', () => {
    let swaps = 0;
    let missed = 0;
    for (let n = 0; n < 40; n++) {
      const code = generatedCodeFromBytes(crypto.randomBytes(8));
      for (let i = 0; i < code.length; i++) {
        for (const symbol of CROCKFORD) {
          if (symbol === code[i]) continue;
          const typo = code.slice(0, i) + symbol + code.slice(i + 1);
          expect(checkGeneratedInput(typo).kind, typo).toBe('invalid_check');
        }
        if (i < code.length - 1 && code[i] !== code[i + 1]) {
          swaps++;
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          if (checkGeneratedInput(swapped).kind !== 'invalid_check') missed++;
        }
      }
    }
    // Luhn mod 32 misses a swap only of the symbols worth 0 and 31 (0 and Z): a few in a thousand
    expect(missed / swaps).toBeLessThan(0.02);
  });

  it('spread over 50 bits: no repeats among many', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => generatedCodeFromBytes(crypto.randomBytes(8))));
    expect(codes.size).toBe(20_000);
  });
});

describe('static POS codes', () => {
  it('take letters, digits and hyphens only', () => {
    expect(staticCodeProblem('FREECOFFEE')).toBeNull();
    expect(staticCodeProblem('GIFT-100')).toBeNull();
    for (const bad of ['FREE COFFEE', 'CAFÉ', 'GIFT_100', '-START', 'A', 'X'.repeat(33), 'CODE!']) {
      expect(staticCodeProblem(bad), bad).not.toBeNull();
    }
  });

  it('may not look like a generated code', () => {
    expect(staticCodeProblem(generatedCodeFromBytes(crypto.randomBytes(8)))).toBe('posCodeLooksGenerated');
  });

  it('other inputs are not taken for generated codes', () => {
    expect(checkGeneratedInput('FREECOFFEE').kind).toBe('not_generated');
  });
});
