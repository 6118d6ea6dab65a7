import type { CatalogueTree } from './catalogues';
import type apiErrors from './catalogues/en/apiErrors.json';
import type validation from './catalogues/en/validation.json';
import en from './catalogues/en';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Message keys of errors the core throws (catalogue area `apiErrors`), e.g. `voucher.dateInPast`. */
export type ErrorKey = WithoutPlural<Leaves<typeof apiErrors>>;
/** Message keys of input checks (catalogue area `validation`), e.g. `tooLong`. */
export type ValidationKey = WithoutPlural<Leaves<typeof validation>>;

/** Every leaf key of a catalogue tree, dotted, plural suffixes kept. */
export function leafKeys(tree: CatalogueTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`)));
}

/** A leaf key without its plural suffix (`total_one` -> `total`). */
export function withoutPluralSuffix(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

const validationKeys = new Set(leafKeys(en.validation).map(withoutPluralSuffix));

export function isValidationKey(value: string): value is ValidationKey {
  return validationKeys.has(value);
}

/** Every error key, for the test that finds each one translated in every catalogue. */
export const ERROR_KEYS: readonly string[] = [...new Set(leafKeys(en.apiErrors).map(withoutPluralSuffix))];
