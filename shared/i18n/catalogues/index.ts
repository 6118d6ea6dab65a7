import type { Locale } from '../../domain/locales';
import azb from './azb';
import en from './en';
import gu from './gu';
import ko from './ko';
import th from './th';

/** A catalogue: nested objects of strings, one file per area (catalogues/<locale>/<area>.json). */
export interface CatalogueTree {
  [key: string]: string | CatalogueTree;
}

export type EnglishCatalogue = typeof en;

/** Every language's catalogue. Keys follow the English one; plural keys carry the language's CLDR categories. */
export const CATALOGUES: Record<Locale, CatalogueTree> = { en, th, ko, azb, gu };
