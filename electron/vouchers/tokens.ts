import crypto from 'node:crypto';
import { CROCKFORD, generatedCodeFromBytes } from '../../shared/domain/redeem-code';

/** `V` + 25 Crockford symbols (125 random bits): what a voucher's QR code holds. [0-9A-Z] only, scanner-safe. */
export const VOUCHER_TOKEN = /^V[0-9A-HJKMNP-TV-Z]{25}$/;

export function newVoucherTokens(count: number): string[] {
  const bytes = crypto.randomBytes(count * 25);
  return Array.from({ length: count }, (_, i) => {
    let token = 'V';
    for (let j = 0; j < 25; j++) token += CROCKFORD[bytes[i * 25 + j]! & 31];
    return token;
  });
}

export function newGeneratedCodes(count: number): string[] {
  const bytes = crypto.randomBytes(count * 8);
  return Array.from({ length: count }, (_, i) => generatedCodeFromBytes(bytes.subarray(i * 8, i * 8 + 8)));
}
