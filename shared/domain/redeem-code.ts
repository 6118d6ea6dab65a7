/**
 * Redeem codes.
 * - Generated: Crockford base32 (no I, L, O, U), 10 random symbols (50 bits) and one check symbol, printed
 *   `XXXX-XXXX-XXX`. Only [0-9A-Z-]: keyboard-wedge scanners on AZERTY/QWERTZ layouts cannot garble them.
 *   The check symbol (Luhn mod 32) catches any single wrong symbol and most swaps before any lookup.
 * - Static: the shop's own POS promo code (FREECOFFEE, GIFT-100): letters, digits and hyphens; several
 *   vouchers may share one, each still redeemable once.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const GENERATED_DATA_LENGTH = 10;
export const GENERATED_LENGTH = GENERATED_DATA_LENGTH + 1;
export const STATIC_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,30}[A-Z0-9]$/;

const VALUE = new Map([...CROCKFORD].map((symbol, value) => [symbol, value]));

/** Luhn mod N over base32: the symbol that makes the whole code check out. */
export function checkSymbol(data: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    let addend = factor * VALUE.get(data[i]!)!;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return CROCKFORD[(32 - (sum % 32)) % 32]!;
}

function checksOut(code: string): boolean {
  return checkSymbol(code.slice(0, -1)) === code.at(-1);
}

/** A generated code from random bytes (at least 7): 10 base32 symbols + check symbol, unformatted. */
export function generatedCodeFromBytes(bytes: Uint8Array): string {
  let bits = 0n;
  for (const byte of bytes.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  let data = '';
  for (let i = 0; i < GENERATED_DATA_LENGTH; i++) {
    data += CROCKFORD[Number(bits & 31n)];
    bits >>= 5n;
  }
  return data + checkSymbol(data);
}

/** `XXXX-XXXX-XXX` for a generated code; other codes as they are. */
export function formatRedeemCode(code: string): string {
  return code.length === GENERATED_LENGTH && isCrockford(code) ? `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` : code;
}

function isCrockford(text: string): boolean {
  for (const c of text) if (!VALUE.has(c)) return false;
  return true;
}

/** Upper case, spaces and hyphens removed, O→0, I/L→1: what staff type or scan, made comparable. */
export function normalizeGeneratedInput(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Upper case, inner spaces removed: a static POS code as typed. */
export function normalizeStaticInput(input: string): string {
  return input.toUpperCase().replace(/\s+/g, '');
}

export type GeneratedCheck = { kind: 'generated'; code: string } | { kind: 'invalid_check' } | { kind: 'not_generated' };

/**
 * Whether an input is a generated code: 11 base32 symbols once normalized. If it has that shape but the
 * check symbol does not match, it is a typo, reported without looking anything up.
 */
export function checkGeneratedInput(input: string): GeneratedCheck {
  const code = normalizeGeneratedInput(input);
  if (code.length !== GENERATED_LENGTH || !isCrockford(code)) return { kind: 'not_generated' };
  return checksOut(code) ? { kind: 'generated', code } : { kind: 'invalid_check' };
}

/**
 * What is wrong with a POS code, as a validation key, or null. A static code may not look like a generated
 * one (11 base32 symbols), so a mistyped generated code is always caught by its check symbol and never
 * taken for a static code.
 */
export function staticCodeProblem(code: string): 'posCodeShape' | 'posCodeLooksGenerated' | null {
  if (!STATIC_CODE_PATTERN.test(code)) return 'posCodeShape';
  if (checkGeneratedInput(code).kind !== 'not_generated') return 'posCodeLooksGenerated';
  return null;
}
