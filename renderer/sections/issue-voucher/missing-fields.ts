import { staticCodeProblem } from '../../../shared/domain/redeem-code';
import { MAX_QUANTITY } from '../../../shared/schemas/vouchers';

/** What GENERATE VOUCHER still waits for, in the order of the form; each is an `issue.missing.*` key. */
export type Missing = 'title' | 'days' | 'months' | 'date' | 'datePast' | 'posCode' | 'posCodeValid' | 'quantity';

export interface IssueDraft {
  title: string;
  validityKind: 'unlimited' | 'days' | 'months' | 'fixed';
  /** Days or months, null while not a number. */
  amount: number | null;
  /** ISO day or ''. */
  date: string;
  /** Today in the shop's time zone (ISO day). */
  today: string;
  codeOn: boolean;
  codeKind: 'generated' | 'static';
  staticCode: string;
  /** Free vouchers have a quantity; a card's voucher does not. */
  free: boolean;
  quantity: number | null;
}

/** The POS code as the core reads it (trimmed, upper case); null while it is empty. */
export function typedPosCode(code: string): string | null {
  const trimmed = code.trim().toUpperCase();
  return trimmed === '' ? null : trimmed;
}

/** The validation key of what is wrong with a typed POS code (the core's own rule), or null. */
export function posCodeProblem(code: string): 'posCodeShape' | 'posCodeLooksGenerated' | null {
  const typed = typedPosCode(code);
  return typed === null ? null : staticCodeProblem(typed);
}

/** Everything the form lacks before the core would take it. */
export function missingFields(d: IssueDraft): Missing[] {
  const missing: Missing[] = [];
  if (d.title.trim() === '') missing.push('title');
  if (d.validityKind === 'days' && !(d.amount !== null && d.amount >= 1 && d.amount <= 3650)) missing.push('days');
  if (d.validityKind === 'months' && !(d.amount !== null && d.amount >= 1 && d.amount <= 120)) missing.push('months');
  if (d.validityKind === 'fixed') {
    if (d.date === '') missing.push('date');
    else if (d.date < d.today) missing.push('datePast');
  }
  if (d.codeOn && d.codeKind === 'static') {
    if (typedPosCode(d.staticCode) === null) missing.push('posCode');
    else if (posCodeProblem(d.staticCode)) missing.push('posCodeValid');
  }
  if (d.free && !(d.quantity !== null && d.quantity >= 1 && d.quantity <= MAX_QUANTITY)) missing.push('quantity');
  return missing;
}
