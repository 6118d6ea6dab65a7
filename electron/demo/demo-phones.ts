import type { Random } from './prng';
import type { NamePool } from './name-pools';

/**
 * Demo phone numbers as shops write them: a customer of the shop's own country mostly nationally
 * (`081-234-5678`, sometimes in Thai or Persian digits), a visitor from abroad with the country code
 * (`+82 10-1234-5678`). Each number is made from its parts, so its search forms are known without
 * parsing (a million demo numbers would cost seconds of libphonenumber-js). They are the forms
 * shared/domain/phone.ts (`phoneForms`) gives: tests/unit/electron/demo checks every seeded number.
 */
export interface DemoPhone {
  phone: string;
  /** E.164 digits, or the digits as written when the shop has no country to read a national number in. */
  international: string;
  national: string | null;
}

interface CountryPlan {
  code: string;
  callingCode: string;
  /** Prefix of the national form (libphonenumber-js's national format); '' where there is none (US). */
  trunk: string;
  /** A mobile number's national significant number. */
  subscriber(random: Random): string;
  /** The significant number grouped as written at home, without the trunk prefix. */
  group(nsn: string): string;
  /** The grouping after the country code. */
  groupInternational?(nsn: string): string;
  /** Digit scripts people also write it in, with their share. */
  digitScripts?: ReadonlyArray<readonly [zero: number, share: number]>;
}

/** `n` random decimal digits, leading zeros kept. */
const digits = (random: Random, n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, '0');
const split = (nsn: string, ...sizes: number[]) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(nsn.slice(at, at + size));
    at += size;
  }
  return parts;
};

const COUNTRIES: Record<string, CountryPlan> = {
  TH: {
    code: 'TH', callingCode: '66', trunk: '0',
    subscriber: (r) => `${r.pick(['6', '8', '9'])}${r.int(1, 9)}${digits(r, 7)}`,
    group: (n) => split(n, 2, 3, 4).join('-'),
    groupInternational: (n) => split(n, 2, 3, 4).join(' '),
    digitScripts: [[0x0e50, 0.15]],
  },
  KR: {
    code: 'KR', callingCode: '82', trunk: '0',
    subscriber: (r) => `10${digits(r, 8)}`,
    group: (n) => split(n, 2, 4, 4).join('-'),
  },
  IR: {
    code: 'IR', callingCode: '98', trunk: '0',
    subscriber: (r) => `9${r.int(10, 39)}${digits(r, 7)}`,
    group: (n) => split(n, 3, 3, 4).join(' '),
    digitScripts: [[0x06f0, 0.2], [0x0660, 0.05]],
  },
  IN: {
    code: 'IN', callingCode: '91', trunk: '0',
    subscriber: (r) => `${r.int(7, 9)}${digits(r, 9)}`,
    group: (n) => split(n, 5, 5).join(' '),
    digitScripts: [[0x0ae6, 0.05]],
  },
  GB: {
    code: 'GB', callingCode: '44', trunk: '0',
    // mobile numbers spread over the 07 range (Ofcom's drama range has only 1,000 numbers: a million demo
    // customers would share them, and a partial number would find a hundred thousand)
    subscriber: (r) => `7${r.int(4, 9)}${digits(r, 8)}`,
    group: (n) => split(n, 4, 6).join(' '),
  },
  US: {
    code: 'US', callingCode: '1', trunk: '',
    subscriber: (r) => `${r.pick(['201', '212', '312', '415', '617'])}${r.int(2, 9)}${digits(r, 6)}`,
    group: (n) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
    groupInternational: (n) => split(n, 3, 3, 4).join(' '),
  },
  DE: {
    code: 'DE', callingCode: '49', trunk: '0',
    subscriber: (r) => `15${r.int(1, 2)}${digits(r, 8)}`,
    group: (n) => split(n, 3, 8).join(' '),
  },
  AU: {
    code: 'AU', callingCode: '61', trunk: '0',
    subscriber: (r) => `4${digits(r, 8)}`,
    group: (n) => split(n, 3, 3, 3).join(' '),
  },
};

/** Where customers named in each script come from. */
const COUNTRY_BY_SCRIPT: Record<NamePool['script'], readonly string[]> = {
  thai: ['TH'],
  hangul: ['KR'],
  arabic: ['IR'],
  gujarati: ['IN'],
  latin: ['GB', 'GB', 'US', 'US', 'DE', 'AU'],
};

/** The share of the shop's own customers whose number is written without the country code. */
const WRITTEN_NATIONALLY = 0.75;

/**
 * A phone for a customer named from `pool`, in a shop in `shopCountry` ('' when the shop has none:
 * numbers are then written either way, and one written without its code is indexed by its digits).
 */
export function makeDemoPhone(random: Random, pool: NamePool, shopCountry: string): DemoPhone {
  const plan = COUNTRIES[random.pick(COUNTRY_BY_SCRIPT[pool.script])]!;
  const nsn = plan.subscriber(random);
  const international = plan.callingCode + nsn;
  const home = shopCountry === '' || plan.code === shopCountry;
  if (home && random.chance(WRITTEN_NATIONALLY)) {
    const written = inDigitScript(random, plan, `${plan.trunk}${plan.group(nsn)}`);
    const asWritten = plan.trunk + nsn;
    return { phone: written, international: shopCountry === '' ? asWritten : international, national: shopCountry === '' ? null : asWritten };
  }
  const written = `+${plan.callingCode} ${(plan.groupInternational ?? plan.group)(nsn)}`;
  return { phone: inDigitScript(random, plan, written), international, national: plan.trunk + nsn };
}

function inDigitScript(random: Random, plan: CountryPlan, value: string): string {
  let roll = random.next();
  for (const [zero, share] of plan.digitScripts ?? []) {
    roll -= share;
    if (roll < 0) return value.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
  }
  return value;
}
